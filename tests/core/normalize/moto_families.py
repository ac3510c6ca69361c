"""Resource families for the moto agreement test: each makes a resource in moto, tags it with the
service's own tag call, and returns the CloudTrail-shaped record of that call (the target named as
the API names it: by id, name, URL or ARN; a create call's response as CloudTrail logs it)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from typing import Any

import boto3

REGION = "us-east-1"
ACCOUNT = "123456789012"  # moto's
KEY = "agree"
Family = Callable[[str], dict[str, Any]]


def client(service: str) -> Any:
    return boto3.client(service, region_name=REGION)


def trail(
    source: str, name: str, params: dict[str, Any], response: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "eventVersion": "1.09",
        "eventID": f"agree-{source}-{name}",
        "eventTime": "2024-06-01T12:00:00Z",
        "eventSource": f"{source}.amazonaws.com",
        "eventName": name,
        "awsRegion": REGION,
        "recipientAccountId": ACCOUNT,
        "userIdentity": {"type": "IAMUser", "arn": f"arn:aws:iam::{ACCOUNT}:user/ops", "accountId": ACCOUNT},
        "requestParameters": params,
        "responseElements": response,
    }


def _pair(value: str) -> list[dict[str, str]]:
    return [{"Key": KEY, "Value": value}]


def _lower(value: str) -> list[dict[str, str]]:
    return [{"key": KEY, "value": value}]


def s3_bucket(v: str) -> dict[str, Any]:
    client("s3").create_bucket(Bucket="agree-bucket")
    client("s3").put_bucket_tagging(Bucket="agree-bucket", Tagging={"TagSet": _pair(v)})
    return trail(
        "s3", "PutBucketTagging", {"bucketName": "agree-bucket", "Tagging": {"TagSet": {"Tag": _pair(v)}}}
    )


def sqs_queue(v: str) -> dict[str, Any]:
    url = client("sqs").create_queue(QueueName="agree-queue")["QueueUrl"]
    client("sqs").tag_queue(QueueUrl=url, Tags={KEY: v})
    return trail("sqs", "TagQueue", {"queueUrl": url, "tags": {KEY: v}})


def sns_topic(v: str) -> dict[str, Any]:
    arn = client("sns").create_topic(Name="agree-topic", Tags=_pair(v))["TopicArn"]
    return trail("sns", "CreateTopic", {"name": "agree-topic", "tags": _lower(v)}, {"topicArn": arn})


def kms_key(v: str) -> dict[str, Any]:
    key = client("kms").create_key()["KeyMetadata"]["KeyId"]
    client("kms").tag_resource(KeyId=key, Tags=[{"TagKey": KEY, "TagValue": v}])
    return trail("kms", "TagResource", {"keyId": key, "tags": [{"tagKey": KEY, "tagValue": v}]})


def secret_by_arn(v: str) -> dict[str, Any]:
    secrets = client("secretsmanager")
    arn = secrets.create_secret(Name="agree-secret", SecretString="x")["ARN"]
    while re.search(r"-[a-z]{6}$", arn):
        # A suffix of six lower-case letters (one secret in about 180) reads as a name's last
        # word, and the catalog leaves such an ARN unresolved on purpose: draw another.
        secrets.delete_secret(SecretId=arn, ForceDeleteWithoutRecovery=True)
        arn = secrets.create_secret(Name="agree-secret", SecretString="x")["ARN"]
    client("secretsmanager").tag_resource(SecretId=arn, Tags=_pair(v))
    return trail("secretsmanager", "TagResource", {"secretId": arn, "tags": _pair(v)})


def secret_created(v: str) -> dict[str, Any]:
    made = client("secretsmanager").create_secret(Name="agree-made", SecretString="x", Tags=_pair(v))
    return trail(
        "secretsmanager", "CreateSecret", {"name": "agree-made", "tags": _pair(v)}, {"aRN": made["ARN"]}
    )


def ssm_parameter(v: str) -> dict[str, Any]:
    client("ssm").put_parameter(Name="/agree/param", Value="x", Type="String")
    client("ssm").add_tags_to_resource(ResourceType="Parameter", ResourceId="/agree/param", Tags=_pair(v))
    params = {"resourceType": "Parameter", "resourceId": "/agree/param", "tags": _lower(v)}
    return trail("ssm", "AddTagsToResource", params)


def ssm_parameter_put(v: str) -> dict[str, Any]:
    client("ssm").put_parameter(Name="/agree/put", Value="x", Type="String", Tags=_pair(v))
    return trail(
        "ssm", "PutParameter", {"name": "/agree/put", "type": "String", "tags": _lower(v)}, {"version": 1}
    )


def ssm_document(v: str) -> dict[str, Any]:
    content = json.dumps({"schemaVersion": "2.2", "description": "d", "mainSteps": []})
    client("ssm").create_document(Name="agree-doc", Content=content, DocumentType="Command")
    client("ssm").add_tags_to_resource(ResourceType="Document", ResourceId="agree-doc", Tags=_pair(v))
    return trail(
        "ssm", "AddTagsToResource", {"resourceType": "Document", "resourceId": "agree-doc", "tags": _lower(v)}
    )


def efs_file_system(v: str) -> dict[str, Any]:
    fs = client("efs").create_file_system(CreationToken="agree")["FileSystemId"]
    client("efs").tag_resource(ResourceId=fs, Tags=_pair(v))
    return trail("elasticfilesystem", "TagResource", {"resourceId": fs, "tags": _lower(v)})


def efs_access_point(v: str) -> dict[str, Any]:
    fs = client("efs").create_file_system(CreationToken="agree-ap")["FileSystemId"]
    ap = client("efs").create_access_point(ClientToken="t", FileSystemId=fs)["AccessPointId"]
    client("efs").tag_resource(ResourceId=ap, Tags=_pair(v))
    return trail("elasticfilesystem", "TagResource", {"resourceId": ap, "tags": _lower(v)})


def _ec2_tag(resource_id: str, v: str) -> dict[str, Any]:
    client("ec2").create_tags(Resources=[resource_id], Tags=_pair(v))
    params = {"resourcesSet": {"items": [{"resourceId": resource_id}]}, "tagSet": {"items": _lower(v)}}
    return trail("ec2", "CreateTags", params)


def ec2_vpc(v: str) -> dict[str, Any]:
    return _ec2_tag(client("ec2").create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"], v)


def ec2_instance(v: str) -> dict[str, Any]:
    made = client("ec2").run_instances(ImageId="ami-12c6146b", MinCount=1, MaxCount=1)
    return _ec2_tag(made["Instances"][0]["InstanceId"], v)


def ec2_volume(v: str) -> dict[str, Any]:
    return _ec2_tag(client("ec2").create_volume(AvailabilityZone=f"{REGION}a", Size=1)["VolumeId"], v)


def ec2_snapshot(v: str) -> dict[str, Any]:
    volume = client("ec2").create_volume(AvailabilityZone=f"{REGION}a", Size=1)["VolumeId"]
    return _ec2_tag(client("ec2").create_snapshot(VolumeId=volume)["SnapshotId"], v)


def ec2_security_group(v: str) -> dict[str, Any]:
    return _ec2_tag(client("ec2").create_security_group(GroupName="agree", Description="d")["GroupId"], v)


def logs_group(v: str) -> dict[str, Any]:
    client("logs").create_log_group(logGroupName="/agree/logs")
    client("logs").tag_log_group(logGroupName="/agree/logs", tags={KEY: v})
    return trail("logs", "TagLogGroup", {"logGroupName": "/agree/logs", "tags": {KEY: v}})


def cloudwatch_alarm(v: str) -> dict[str, Any]:
    alarm = {"AlarmName": "agree-alarm", "MetricName": "CPU", "Namespace": "AWS/EC2", "Statistic": "Average"}
    alarm |= {
        "Period": 60,
        "EvaluationPeriods": 1,
        "Threshold": 1.0,
        "ComparisonOperator": "GreaterThanThreshold",
    }
    client("cloudwatch").put_metric_alarm(**alarm, Tags=_pair(v))
    return trail("monitoring", "PutMetricAlarm", {"alarmName": "agree-alarm", "tags": _lower(v)})


def elb_classic(v: str) -> dict[str, Any]:
    listener = {"Protocol": "HTTP", "LoadBalancerPort": 80, "InstancePort": 80}
    client("elb").create_load_balancer(
        LoadBalancerName="agree-classic", Listeners=[listener], AvailabilityZones=[f"{REGION}a"]
    )
    client("elb").add_tags(LoadBalancerNames=["agree-classic"], Tags=_pair(v))
    return trail(
        "elasticloadbalancing", "AddTags", {"loadBalancerNames": ["agree-classic"], "tags": _lower(v)}
    )


def elbv2_load_balancer(v: str) -> dict[str, Any]:
    ec2 = client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.7.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.7.{i}.0/24", AvailabilityZone=f"{REGION}{z}")["Subnet"][
            "SubnetId"
        ]
        for i, z in ((1, "a"), (2, "b"))
    ]
    made = client("elbv2").create_load_balancer(Name="agree-alb", Subnets=subnets, Tags=_pair(v))[
        "LoadBalancers"
    ][0]
    response = {
        "loadBalancers": [{"loadBalancerArn": made["LoadBalancerArn"], "loadBalancerName": "agree-alb"}]
    }
    return trail(
        "elasticloadbalancing",
        "CreateLoadBalancer",
        {"name": "agree-alb", "subnets": subnets, "tags": _lower(v)},
        response,
    )


def dynamodb_table(v: str) -> dict[str, Any]:
    schema = {
        "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
        "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}],
    }
    made = client("dynamodb").create_table(
        TableName="agree-table", BillingMode="PAY_PER_REQUEST", Tags=_pair(v), **schema
    )
    response = {
        "tableDescription": {"tableName": "agree-table", "tableArn": made["TableDescription"]["TableArn"]}
    }
    return trail("dynamodb", "CreateTable", {"tableName": "agree-table", "tags": _pair(v)}, response)


def lambda_function(v: str) -> dict[str, Any]:
    policy = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "lambda.amazonaws.com"},
                    "Action": "sts:AssumeRole",
                }
            ],
        }
    )
    role = client("iam").create_role(RoleName="agree-lambda", AssumeRolePolicyDocument=policy)["Role"]["Arn"]
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("index.py", "def handler(event, context):\n    return event\n")
    made = client("lambda").create_function(
        FunctionName="agree-fn",
        Runtime="python3.12",
        Role=role,
        Handler="index.handler",
        Code={"ZipFile": code.getvalue()},
        Tags={KEY: v},
    )
    return trail(
        "lambda",
        "CreateFunction20150331",
        {"functionName": "agree-fn", "tags": {KEY: v}},
        {"functionArn": made["FunctionArn"]},
    )


def states_machine(v: str) -> dict[str, Any]:
    definition = json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": True}}})
    role = f"arn:aws:iam::{ACCOUNT}:role/agree-states"
    arn = client("stepfunctions").create_state_machine(
        name="agree-sm", definition=definition, roleArn=role, tags=[{"key": KEY, "value": v}]
    )["stateMachineArn"]
    return trail(
        "states", "CreateStateMachine", {"name": "agree-sm", "tags": _lower(v)}, {"stateMachineArn": arn}
    )


def events_bus(v: str) -> dict[str, Any]:
    arn = client("events").create_event_bus(Name="agree-bus", Tags=_pair(v))["EventBusArn"]
    return trail("events", "CreateEventBus", {"name": "agree-bus", "tags": _pair(v)}, {"eventBusArn": arn})


def cloudformation_stack(v: str) -> dict[str, Any]:
    template = json.dumps({"Resources": {"T": {"Type": "AWS::SNS::Topic"}}})
    stack = client("cloudformation").create_stack(
        StackName="agree-stack", TemplateBody=template, Tags=_pair(v)
    )["StackId"]
    return trail(
        "cloudformation", "CreateStack", {"stackName": "agree-stack", "tags": _pair(v)}, {"stackId": stack}
    )


def glue_job(v: str) -> dict[str, Any]:
    client("glue").create_job(Name="agree-job", Role="r", Command={"Name": "glueetl"}, Tags={KEY: v})
    return trail("glue", "CreateJob", {"name": "agree-job", "tags": {KEY: v}}, {"name": "agree-job"})


def athena_workgroup(v: str) -> dict[str, Any]:
    client("athena").create_work_group(Name="agree-wg", Tags=_pair(v))
    return trail("athena", "CreateWorkGroup", {"name": "agree-wg", "tags": _pair(v)})


def backup_vault(v: str) -> dict[str, Any]:
    made = client("backup").create_backup_vault(BackupVaultName="agree-vault", BackupVaultTags={KEY: v})
    response = {"backupVaultName": "agree-vault", "backupVaultArn": made["BackupVaultArn"]}
    return trail(
        "backup",
        "CreateBackupVault",
        {"backupVaultName": "agree-vault", "backupVaultTags": {KEY: v}},
        response,
    )


def ecs_cluster(v: str) -> dict[str, Any]:
    arn = client("ecs").create_cluster(clusterName="agree-cluster", tags=[{"key": KEY, "value": v}])[
        "cluster"
    ]["clusterArn"]
    return trail(
        "ecs",
        "CreateCluster",
        {"clusterName": "agree-cluster", "tags": _lower(v)},
        {"cluster": {"clusterArn": arn}},
    )


def rds_instance(v: str) -> dict[str, Any]:
    made = client("rds").create_db_instance(
        DBInstanceIdentifier="agree-db", DBInstanceClass="db.t3.micro", Engine="postgres", Tags=_pair(v)
    )
    response = {"dBInstanceIdentifier": "agree-db", "dBInstanceArn": made["DBInstance"]["DBInstanceArn"]}
    return trail("rds", "CreateDBInstance", {"dBInstanceIdentifier": "agree-db", "tags": _lower(v)}, response)


def firehose_stream(v: str) -> dict[str, Any]:
    destination = {"RoleARN": f"arn:aws:iam::{ACCOUNT}:role/f", "BucketARN": "arn:aws:s3:::agree-fh"}
    client("firehose").create_delivery_stream(
        DeliveryStreamName="agree-fh", S3DestinationConfiguration=destination
    )
    client("firehose").tag_delivery_stream(DeliveryStreamName="agree-fh", Tags=_pair(v))
    return trail("firehose", "TagDeliveryStream", {"deliveryStreamName": "agree-fh", "tags": _pair(v)})


def swf_domain(v: str) -> dict[str, Any]:
    client("swf").register_domain(
        name="agree-domain", workflowExecutionRetentionPeriodInDays="1", tags=[{"key": KEY, "value": v}]
    )
    return trail("swf", "RegisterDomain", {"name": "agree-domain", "tags": _lower(v)})


def acm_certificate(v: str) -> dict[str, Any]:
    arn = client("acm").request_certificate(DomainName="agree.example.com")["CertificateArn"]
    client("acm").add_tags_to_certificate(CertificateArn=arn, Tags=_pair(v))
    return trail("acm", "AddTagsToCertificate", {"certificateArn": arn, "tags": _pair(v)})


FAMILIES: dict[str, Family] = {
    name: function
    for name, function in globals().items()
    if callable(function)
    and function.__module__ == __name__
    and name not in {"client", "trail"}
    and not name.startswith("_")
}
# Families whose record does not determine the ARN moto's tagging API gives: none so far.
UNDETERMINED: frozenset[str] = frozenset()
# Where moto's tagging API and the Service Authorization Reference disagree, and which one the
# normalizer follows. EBS snapshots: the reference's format has no account (snapshots can be
# shared); moto lists them with the owner's account. Not checked against AWS itself.
ACCOUNT_ONLY_DIFFERS: dict[str, str] = {
    "ec2_snapshot": "the reference's arn:aws:ec2:<region>::snapshot/<id>; moto adds the account",
}
