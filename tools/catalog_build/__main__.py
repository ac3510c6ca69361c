"""``python -m tools.catalog_build``: regenerate catalog.json and its report."""

from tools.catalog_build.build import main

main()
