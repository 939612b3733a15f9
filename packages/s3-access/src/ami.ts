import { configError, isUnresolved, formatValue } from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';

const AMI_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;

/**
 * AMI IDs are props rather than data source look-ups so plans stay offline and an instance is
 * replaced only when someone changes the ID on purpose. Look one up with the public SSM
 * parameters, for example
 * `aws ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64`.
 */
export function requireAmiId(scope: IConstruct, field: string, amiId: string): string {
  if (isUnresolved(amiId)) return amiId;
  if (!AMI_ID.test(amiId)) {
    configError(scope, field, `is ${formatValue(amiId)}, which is not an AMI ID`, 'use an ID like ami-0123456789abcdef0 (look one up with `aws ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64`)');
  }
  return amiId;
}
