"""Write bhtime/_table.py, the grammar's lexer and LALR table, from grammar/bhtime.lark.

    python tools/generate_table.py          # regenerate after editing the grammar
    python tools/generate_table.py --check  # exit 1 if the shipped table is not the grammar's

Needs lark (``pip install 'bhtime[test]'``); bhtime itself never imports it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bhtime._grammar import table_source  # noqa: E402

TABLE = ROOT / "bhtime" / "_table.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="compare instead of writing; exit 1 if they differ"
    )
    arguments = parser.parse_args()
    source = table_source()
    if arguments.check:
        shipped = TABLE.read_text(encoding="utf-8") if TABLE.exists() else ""
        if shipped != source:
            print(f"{TABLE.relative_to(ROOT)} is not the table of grammar/bhtime.lark;")
            print("run: python tools/generate_table.py")
            return 1
        print(f"{TABLE.relative_to(ROOT)} is up to date")
        return 0
    TABLE.write_text(source, encoding="utf-8")
    print(f"wrote {TABLE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
