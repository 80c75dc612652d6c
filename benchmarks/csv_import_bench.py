"""CSV import benchmark: one exporter uploads N products through the real upload page.

    python benchmarks/csv_import_bench.py [--rows 10000] [--workdir DIR]

Builds a scratch instance, signs an exporter in, and posts a generated CSV (rows in
all 13 languages, a fifth with an English version too) to ``/en/my/products/import``
with the Flask test client. Reports the whole request, and inside it the time spent
checking the file, writing the rows and making them searchable (the request returns
only once the new products are in the search index), plus the search index rebuild
rate of the same documents measured in the same run as a yardstick.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SAMPLES = {  # language: (title, description, keywords, category)
    "en": ("Roasted robusta coffee", "Medium roast, 500 g bags", "coffee, robusta", "0901"),
    "ko": ("볶은 로부스타 커피", "중간 로스팅, 500g 봉지", "커피", "0901"),
    "ja": ("三徳包丁", "ステンレス鋼の三徳包丁、刃渡り18cm。", "包丁", "8211"),
    "zh_Hans": ("不锈钢保温杯", "304不锈钢真空保温杯，500毫升。", "保温杯", "9617"),
    "zh_Hant": ("高山烏龍茶", "高山烏龍茶，真空包裝150克。", "烏龍茶", "0902"),
    "th": ("ข้าวหอมมะลิ", "ข้าวหอมมะลิไทย 100% บรรจุถุง 5 กิโลกรัม", "ข้าว", "1006"),
    "vi": ("Cà phê Robusta rang xay", "Cà phê nguyên chất từ Đắk Lắk, túi 500g.", "cà phê", "0901"),
    "id": ("Kopi Luwak Asli", "Kopi luwak asli dari Aceh Gayo, 200 gram.", "kopi", "0901"),
    "ms": ("Sarung Tangan Getah", "Sarung tangan getah nitril, kotak 100 helai.", "getah", "4015"),
    "fil": ("Pinatuyong Mangga", "Pinatuyong mangga mula sa Cebu, 100 gramo.", "mangga", "0804"),
    "km": ("ម្រេចកំពត", "ម្រេចខ្មៅកំពត សរីរាង្គ ២៥០ក្រាម", "ម្រេច", "0904"),
    "lo": ("ຜ້າໄໝລາວ", "ຜ້າໄໝທໍມືແບບດັ້ງເດີມ", "ຜ້າໄໝ", "5007"),
    "my": ("လက်ဖက်ခြောက်", "ရှမ်းပြည် လက်ဖက်ခြောက် အရည်အသွေးမြင့်", "လက်ဖက်", "0902"),
}


def make_csv(rows: int) -> bytes:
    from exportnet.catalog.csv_io import TEXT_FIELDS

    languages = list(SAMPLES)
    columns = ["original_language", "category", "moq", "moq_unit", "price_min", "price_max"]
    columns += ["currency", "incoterm", "lead_time_days", "status"]
    columns += [f"{field}_{lang}" for lang in languages for field in TEXT_FIELDS]
    out = io.StringIO()
    writer = csv.DictWriter(out, columns)
    writer.writeheader()
    for n in range(rows):
        lang = languages[n % len(languages)]
        title, description, keywords, category = SAMPLES[lang]
        row = {"original_language": lang, "category": category, "moq": 100 + n % 50}
        row |= {"moq_unit": "kg", "price_min": "1.5", "price_max": "2.25", "currency": "USD"}
        row |= {"incoterm": "FOB", "lead_time_days": 30, "status": "published"}
        row |= {f"title_{lang}": f"{title} {n}", f"description_{lang}": description}
        row[f"keywords_{lang}"] = keywords
        if n % 5 == 0 and lang != "en":
            row |= {"title_en": f"Export lot {n}", "description_en": "Export grade, packed."}
        writer.writerow(row)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


@contextmanager
def timed(timings: dict[str, float], name: str, module, attribute: str):
    """Add the time spent in ``module.attribute`` to ``timings[name]``."""
    original = getattr(module, attribute)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - started

    setattr(module, attribute, wrapper)
    try:
        yield
    finally:
        setattr(module, attribute, original)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="exportnet-csv-bench-"))
    os.environ.update(
        EXPORTNET_INSTANCE_PATH=str(workdir),
        EXPORTNET_SECRET_KEY="benchmark",
        EXPORTNET_RATELIMIT_STORAGE_URI="memory://",
    )
    from flask_migrate import upgrade

    from exportnet import create_app
    from exportnet.accounts.models import Role
    from exportnet.accounts.services import create_user
    from exportnet.catalog import csv_import
    from exportnet.search import sync, wiring

    app = create_app({"WTF_CSRF_ENABLED": False, "CSV_IMPORT_MAX_ROWS": args.rows})
    with app.app_context():
        upgrade()
        create_user(
            "bench@example.com",
            "benchmark-password",
            Role.EXPORTER,
            company_name="Bench Exports",
            economy="VN",
            verified=True,
        )
    data = make_csv(args.rows)
    client = app.test_client()
    login = {"email": "bench@example.com", "password": "benchmark-password"}
    assert client.post("/en/login", data=login).status_code == 302
    timings: dict[str, float] = {}
    with (
        timed(timings, "check_seconds", csv_import, "plan_rows"),
        timed(timings, "write_seconds", csv_import, "_write"),
        timed(timings, "index_seconds", wiring, "catch_up"),
    ):
        started = time.perf_counter()
        response = client.post(
            "/en/my/products/import",
            data={"file": (io.BytesIO(data), "products.csv")},
            content_type="multipart/form-data",
        )
        request_seconds = time.perf_counter() - started
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    with app.app_context():
        index = wiring.search_index()
        indexed = index.doc_count()
        started = time.perf_counter()
        rebuilt = sync.rebuild(index)
        rebuild_seconds = time.perf_counter() - started
    import_rate, rebuild_rate = args.rows / request_seconds, rebuilt / rebuild_seconds
    report = {
        "rows": args.rows,
        "file_bytes": len(data),
        "request_seconds": round(request_seconds, 1),
        **{k: round(v, 1) for k, v in sorted(timings.items())},
        "indexed_after_request": indexed,
        "import_rows_per_second": round(import_rate),
        "rebuild_docs_per_second": round(rebuild_rate),
        "import_to_rebuild_ratio": round(import_rate / rebuild_rate, 2),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
