"""Where things live: every path the project uses is defined here once."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
TEMPLATES_DIR = PACKAGE_DIR / "templates"
NOTEBOOKS_DIR = ROOT / "notebooks"
SEEDS_DIR = ROOT / "seeds"
OUTPUTS_DIR = ROOT / "outputs"

SEED_ARTICLE = SEEDS_DIR / "000_dde2b044a75bcc9a.txt"
KERNEL_NAME = "tariff-desk"
