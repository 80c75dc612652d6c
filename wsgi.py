"""WSGI entry point: `waitress-serve --call wsgi:create_app` or `wsgi:app`."""

from exportnet import create_app
from exportnet.search.concepts import load_vocabulary

app = create_app()
load_vocabulary()  # the first search of each worker need not build it
