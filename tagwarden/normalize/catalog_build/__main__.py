"""``python -m tagwarden.normalize.catalog_build``: regenerate catalog.json and its report."""

from tagwarden.normalize.catalog_build.build import main

main()
