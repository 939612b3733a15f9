import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import {
  awsContext,
  DedicatedSecurityGroup,
  nameTags,
  physicalName,
  type PolicyStatement,
  type TrafficRule,
  useProvider,
} from '@privatelink-cdktf/core';
import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { requireAmiId } from './ami';
import { ServiceRole } from './service-role';

/** An extra encrypted EBS volume of a {@link PrivateInstance}. */
export interface DataVolume {
  /** The device name, for example `/dev/sdb`. */
  readonly deviceName: string;
  readonly sizeGiB: number;
  /** @default 'gp3' */
  readonly volumeType?: 'gp3' | 'io1' | 'io2';
  /** Provisioned IOPS (io1/io2, or gp3 above its baseline). @default - the volume type's baseline */
  readonly iops?: number;
}

export interface PrivateInstanceProps {
  /** Names the instance, its role and its security group. */
  readonly name: string;
  readonly vpcId: string;
  /** The private subnet to launch in. */
  readonly subnetId: string;
  /** The AMI ID (`ami-...`); see {@link requireAmiId} for how to look one up. */
  readonly amiId: string;
  readonly instanceType: string;
  /** @default 20 */
  readonly rootVolumeSizeGiB?: number;
  /** @default 'gp3' */
  readonly rootVolumeType?: 'gp3' | 'io1' | 'io2';
  /** @default - baseline of the volume type */
  readonly rootVolumeIops?: number;
  /** @default [] */
  readonly dataVolumes?: readonly DataVolume[];
  /** A KMS key for the volumes. @default - the account's aws/ebs key */
  readonly volumeKmsKeyArn?: string;
  /** A cloud-init script; a change replaces the instance so the running config is the declared one. @default - none */
  readonly userData?: string;
  /** @default [] - nothing may connect */
  readonly ingress?: readonly TrafficRule[];
  /** @default [] - no outbound traffic */
  readonly egress?: readonly TrafficRule[];
  /** What the instance may do besides Systems Manager. @default [] */
  readonly statements?: readonly PolicyStatement[];
  /** `false` for instances that route other hosts' packets (NAT, VPN). @default true */
  readonly sourceDestCheck?: boolean;
  /** @default - the default provider */
  readonly provider?: TerraformProvider;
  /** @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * An EC2 instance the way every pattern in this package runs one: a private subnet and no public
 * IP, IMDSv2 only, encrypted volumes, its own security group, and Systems Manager Session Manager
 * (instance profile with AmazonSSMManagedInstanceCore) instead of SSH: no key pair, no port 22.
 * In a VPC without internet access, Session Manager needs the `ssm`, `ssmmessages` and
 * `ec2messages` interface endpoints.
 */
export class PrivateInstance extends Construct {
  public readonly instanceId: string;
  public readonly privateIp: string;
  public readonly securityGroup: DedicatedSecurityGroup;
  public readonly securityGroupId: string;
  public readonly roleArn: string;
  public readonly roleName: string;
  public readonly instance: Instance;

  constructor(scope: Construct, id: string, props: PrivateInstanceProps) {
    super(scope, id);
    useProvider(this, props.provider);
    requireAmiId(this, 'amiId', props.amiId);
    const { partition } = awsContext(this);
    const name = physicalName([props.name], 64);
    const role = new ServiceRole(this, 'Role', {
      roleName: physicalName([props.name, 'instance'], 64),
      servicePrincipal: 'ec2.amazonaws.com',
      statements: props.statements,
      managedPolicyNames: ['AmazonSSMManagedInstanceCore'],
      partition,
    });
    const profile = new IamInstanceProfile(this, 'InstanceProfile', { name: physicalName([props.name, 'instance'], 128), role: role.roleName });
    this.securityGroup = new DedicatedSecurityGroup(this, 'SecurityGroup', {
      vpcId: props.vpcId,
      name,
      description: `${props.name} instance`,
      ingress: props.ingress,
      egress: props.egress,
    });
    const encrypted = { encrypted: true, ...(props.volumeKmsKeyArn ? { kmsKeyId: props.volumeKmsKeyArn } : {}) };
    this.instance = new Instance(this, 'Instance', {
      ami: props.amiId,
      instanceType: props.instanceType,
      subnetId: props.subnetId,
      vpcSecurityGroupIds: [this.securityGroup.securityGroupId],
      associatePublicIpAddress: false,
      iamInstanceProfile: profile.name,
      sourceDestCheck: props.sourceDestCheck ?? true,
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1 },
      rootBlockDevice: {
        volumeSize: props.rootVolumeSizeGiB ?? 20,
        volumeType: props.rootVolumeType ?? 'gp3',
        ...(props.rootVolumeIops !== undefined ? { iops: props.rootVolumeIops } : {}),
        deleteOnTermination: true,
        ...encrypted,
      },
      ebsBlockDevice: (props.dataVolumes ?? []).map((volume) => ({
        deviceName: volume.deviceName,
        volumeSize: volume.sizeGiB,
        volumeType: volume.volumeType ?? 'gp3',
        ...(volume.iops !== undefined ? { iops: volume.iops } : {}),
        deleteOnTermination: true,
        ...encrypted,
      })),
      userData: props.userData,
      userDataReplaceOnChange: props.userData !== undefined ? true : undefined,
      tags: nameTags(name),
      dependsOn: props.dependsOn,
    });
    this.instanceId = this.instance.id;
    this.privateIp = this.instance.privateIp;
    this.securityGroupId = this.securityGroup.securityGroupId;
    this.roleArn = role.roleArn;
    this.roleName = role.roleName;
  }
}
