"""Thin adapters around boto3: client construction and the few calls tagwarden makes."""

from tagwarden.adapters.aws.clients import AwsClients

__all__ = ["AwsClients"]
