"""The baseline for request-rate ratios: a bare Flask hello-world under the same server."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "Hello, world"
