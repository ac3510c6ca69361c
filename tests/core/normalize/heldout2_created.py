"""Held-out corpus, round two (written after round one's fixes, measured before any further fix):
created resources across services and resource types neither corpus had."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, tags, values
from tests.core.normalize.heldout_builders import held, kv

T = values(team="alpha")
M = {"team": "alpha"}


ROUND2_CREATED_ENTRIES: list[dict[str, Any]] = [
    held(
        "ds-2015-04-16",
        "CreateMicrosoftAD",
        "awsdirectoryservice",
        record(
            "ds",
            "CreateMicrosoftAD",
            {
                "name": "corp.example.com",
                "vpcSettings": {"vpcId": "vpc-1a2b3c4d"},
                "tags": kv(team="alpha"),
            },
            {"directoryId": "d-926example"},
            region="eu-west-1",
        ),
        change(f"arn:aws:ds:eu-west-1:{A}:directory/d-926example", T),
    ),
    held(
        "elasticbeanstalk-2010-12-01",
        "CreateEnvironment",
        "awselasticbeanstalk",
        record(
            "elasticbeanstalk",
            "CreateEnvironment",
            {"applicationName": "my-app", "environmentName": "my-env", "tags": kv(team="alpha")},
            {
                "environmentName": "my-env",
                "environmentId": "e-rpqsewtp2j",
                "applicationName": "my-app",
                "environmentArn": f"arn:aws:elasticbeanstalk:us-west-2:{A}:environment/my-app/my-env",
            },
            region="us-west-2",
        ),
        change(f"arn:aws:elasticbeanstalk:us-west-2:{A}:environment/my-app/my-env", T),
    ),
    held(
        "elasticache-2015-02-02",
        "CreateReplicationGroup",
        "amazonelasticache",
        record(
            "elasticache",
            "CreateReplicationGroup",
            {
                "replicationGroupId": "my-redis-rg",
                "replicationGroupDescription": "rg",
                "tags": kv(team="alpha"),
            },
            {
                "replicationGroupId": "my-redis-rg",
                "status": "creating",
                "ARN": f"arn:aws:elasticache:us-east-1:{A}:replicationgroup:my-redis-rg",
            },
        ),
        change(f"arn:aws:elasticache:us-east-1:{A}:replicationgroup:my-redis-rg", T),
    ),
    held(
        "redshift-2012-12-01",
        "CreateClusterSnapshot",
        "amazonredshift",
        record(
            "redshift",
            "CreateClusterSnapshot",
            {
                "snapshotIdentifier": "my-snapshot-id",
                "clusterIdentifier": "mycluster",
                "tags": kv(team="alpha"),
            },
            {
                "snapshotIdentifier": "my-snapshot-id",
                "clusterIdentifier": "mycluster",
                "status": "creating",
            },
            region="us-west-2",
        ),
        change(f"arn:aws:redshift:us-west-2:{A}:snapshot:mycluster/my-snapshot-id", T),
    ),
    held(
        "rds-2014-10-31",
        "CreateDBSnapshot",
        "amazonrds",
        record(
            "rds",
            "CreateDBSnapshot",
            {
                "dBSnapshotIdentifier": "mydbsnapshot",
                "dBInstanceIdentifier": "database-mysql",
                "tags": kv(team="alpha"),
            },
            {
                "dBSnapshotIdentifier": "mydbsnapshot",
                "dBInstanceIdentifier": "database-mysql",
                "dBSnapshotArn": f"arn:aws:rds:us-east-1:{A}:snapshot:mydbsnapshot",
            },
        ),
        change(f"arn:aws:rds:us-east-1:{A}:snapshot:mydbsnapshot", T),
    ),
    held(
        "rds-2014-10-31",
        "CreateDBParameterGroup",
        "amazonrds",
        record(
            "rds",
            "CreateDBParameterGroup",
            {
                "dBParameterGroupName": "mydbparametergroup",
                "dBParameterGroupFamily": "mysql8.0",
                "description": "x",
                "tags": kv(team="alpha"),
            },
            {
                "dBParameterGroupName": "mydbparametergroup",
                "dBParameterGroupArn": f"arn:aws-us-gov:rds:us-gov-west-1:{A}:pg:mydbparametergroup",
            },
            region="us-gov-west-1",
        ),
        change(f"arn:aws-us-gov:rds:us-gov-west-1:{A}:pg:mydbparametergroup", T),
    ),
    held(
        "docdb-elastic-2022-11-28",
        "CreateCluster",
        "amazondocumentdbelasticclusters",
        record(
            "docdb-elastic",
            "CreateCluster",
            {
                "clusterName": "sample-cluster",
                "adminUserName": "admin",
                "authType": "PLAIN_TEXT",
                "shardCapacity": 2,
                "shardCount": 2,
                "tags": M,
            },
            {
                "cluster": {
                    "clusterName": "sample-cluster",
                    "clusterArn": f"arn:aws:docdb-elastic:us-east-1:{A}:cluster/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
                }
            },
        ),
        change(f"arn:aws:docdb-elastic:us-east-1:{A}:cluster/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", T),
    ),
    held(
        "iam-2010-05-08",
        "CreateInstanceProfile",
        "awsidentityandaccessmanagementiam",
        record(
            "iam",
            "CreateInstanceProfile",
            {"instanceProfileName": "Webserver", "path": "/web/", "tags": tags(team="alpha")},
            {
                "instanceProfile": {
                    "instanceProfileName": "Webserver",
                    "path": "/web/",
                    "arn": f"arn:aws:iam::{A}:instance-profile/web/Webserver",
                    "roles": [],
                }
            },
        ),
        change(f"arn:aws:iam::{A}:instance-profile/web/Webserver", T),
    ),
    held(
        "iam-2010-05-08",
        "UploadServerCertificate",
        "awsidentityandaccessmanagementiam",
        record(
            "iam",
            "UploadServerCertificate",
            {
                "serverCertificateName": "ProdServerCert",
                "path": "/company/servercerts/",
                "tags": tags(team="alpha"),
            },
            {
                "serverCertificateMetadata": {
                    "serverCertificateName": "ProdServerCert",
                    "path": "/company/servercerts/",
                    "arn": f"arn:aws:iam::{A}:server-certificate/company/servercerts/ProdServerCert",
                    "serverCertificateId": "ASCA1111111111EXAMPLE",
                }
            },
        ),
        change(f"arn:aws:iam::{A}:server-certificate/company/servercerts/ProdServerCert", T),
    ),
    held(
        "iam-2010-05-08",
        "CreateOpenIDConnectProvider",
        "awsidentityandaccessmanagementiam",
        record(
            "iam",
            "CreateOpenIDConnectProvider",
            {
                "url": "https://server.example.com",
                "clientIDList": ["my-application-id"],
                "tags": tags(team="alpha"),
            },
            {"openIDConnectProviderArn": f"arn:aws:iam::{A}:oidc-provider/server.example.com"},
        ),
        change(f"arn:aws:iam::{A}:oidc-provider/server.example.com", T),
    ),
    held(
        "iam-2010-05-08",
        "CreateVirtualMFADevice",
        "awsidentityandaccessmanagementiam",
        record(
            "iam",
            "CreateVirtualMFADevice",
            {"virtualMFADeviceName": "ExampleName", "tags": tags(team="alpha")},
            {"virtualMFADevice": {"serialNumber": f"arn:aws:iam::{A}:mfa/ExampleName"}},
        ),
        change(f"arn:aws:iam::{A}:mfa/ExampleName", T),
    ),
    held(
        "logs-2014-03-28",
        "PutDestination",
        "amazoncloudwatchlogs",
        record(
            "logs",
            "PutDestination",
            {
                "destinationName": "testDestination",
                "targetArn": f"arn:aws:kinesis:us-east-1:{A}:stream/RecipientStream",
                "roleArn": f"arn:aws:iam::{A}:role/CWLtoKinesisRole",
                "tags": M,
            },
            {
                "destination": {
                    "destinationName": "testDestination",
                    "targetArn": f"arn:aws:kinesis:us-east-1:{A}:stream/RecipientStream",
                    "roleArn": f"arn:aws:iam::{A}:role/CWLtoKinesisRole",
                    "arn": f"arn:aws:logs:us-east-1:{A}:destination:testDestination",
                }
            },
        ),
        change(f"arn:aws:logs:us-east-1:{A}:destination:testDestination", T),
    ),
    held(
        "monitoring-2010-08-01",
        "PutCompositeAlarm",
        "amazoncloudwatch",
        record(
            "monitoring",
            "PutCompositeAlarm",
            {
                "alarmName": "service-health",
                "alarmRule": "ALARM(cpu) OR ALARM(disk)",
                "tags": kv(team="alpha"),
            },
            region="eu-central-1",
        ),
        change(f"arn:aws:cloudwatch:eu-central-1:{A}:alarm:service-health", T),
    ),
]
