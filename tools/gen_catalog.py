"""Regenerate tagwarden/core/normalize/catalog.json and docs/catalog-report.md from botocore's models.

Same as ``python -m tools.catalog_build``; needs botocore and policy-sentry.
"""

from tools.catalog_build.build import main

if __name__ == "__main__":
    main()
