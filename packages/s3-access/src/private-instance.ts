import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import {
  applyConstructContract,
  configError,
  DedicatedSecurityGroup,
  formatValue,
  type MetaArguments,
  nameTags,
  physicalName,
  type PolicyStatement,
  requireArn,
  requireArray,
  requireBoolean,
  requireResourceId,
  requireString,
  requireUnique,
  requireVpcRef,
  type TrafficRule,
  type VpcRef,
  terraformLiteral,
} from '@privatelink-cdktf/core';
import { Construct, type IConstruct } from 'constructs';
import { type EbsVolumeType, requireVolume } from './ebs-volumes';
import { requireResourceName } from './resource-name';
import { ServiceRole } from './service-role';

// EC2 device names for extra volumes on the Nitro and Xen instance types this package launches.
const DEVICE_NAME = /^\/dev\/(sd[b-z]|xvd[b-z])$/;

/** An extra encrypted EBS volume of a {@link PrivateInstance}. */
export interface DataVolume {
  /** The device name, for example `/dev/sdb`. */
  readonly deviceName: string;
  readonly sizeGiB: number;
  /** @default 'gp3' */
  readonly volumeType?: EbsVolumeType;
  /** Provisioned IOPS (required for io1/io2; gp3 above its 3,000 baseline). @default - the volume type's baseline */
  readonly iops?: number;
}

export interface PrivateInstanceProps extends MetaArguments {
  /** Names the instance, its role and its security group. */
  readonly name: string;
  readonly vpcId: string;
  /** The private subnet to launch in. */
  readonly subnetId: string;
  /**
   * The AMI ID (`ami-...`). AMI IDs are props rather than look-ups so plans stay offline and an
   * instance is replaced only when someone changes the ID on purpose; look one up with
   * `aws ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64`.
   */
  readonly amiId: string;
  readonly instanceType: string;
  /** @default 20 */
  readonly rootVolumeSizeGiB?: number;
  /** @default 'gp3' */
  readonly rootVolumeType?: EbsVolumeType;
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
}

/** The placement props every EC2 pattern of the package shares. */
export interface HostPlacementProps {
  readonly name: string;
  readonly vpc: VpcRef;
  readonly subnetId: string;
  readonly amiId: string;
  /** @default 't3.small' */
  readonly instanceType?: string;
}

/**
 * Checks the placement of an EC2 pattern (name, VPC, subnet, AMI, instance type) under the
 * pattern's own field names, before its inner PrivateInstance would report them; returns the VPC
 * and the instance type to use.
 */
export function requireHostPlacement(scope: IConstruct, props: HostPlacementProps, defaultInstanceType = 't3.small'): { vpc: VpcRef; instanceType: string } {
  requireResourceName(scope, props.name);
  const vpc = requireVpcRef(scope, 'vpc', props.vpc);
  requireResourceId(scope, 'subnetId', props.subnetId, 'subnet');
  requireResourceId(scope, 'amiId', props.amiId, 'ami');
  const instanceType = requireString(scope, 'instanceType', props.instanceType ?? defaultInstanceType, "give an EC2 instance type, for example 't3.small'", { nonEmpty: true });
  return { vpc, instanceType };
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
    const { dependsOn, provider } = applyConstructContract(this, props);
    requireResourceName(this, props.name);
    requireResourceId(this, 'vpcId', props.vpcId, 'vpc');
    requireResourceId(this, 'subnetId', props.subnetId, 'subnet');
    requireResourceId(this, 'amiId', props.amiId, 'ami');
    requireString(this, 'instanceType', props.instanceType, "give an EC2 instance type, for example 't3.small'", { nonEmpty: true });
    requireVolume(this, { size: 'rootVolumeSizeGiB', type: 'rootVolumeType', iops: 'rootVolumeIops' }, { sizeGiB: props.rootVolumeSizeGiB ?? 20, volumeType: props.rootVolumeType, iops: props.rootVolumeIops });
    const dataVolumes = requireArray(this, 'dataVolumes', props.dataVolumes ?? [], "give a list of volumes, for example [{ deviceName: '/dev/sdb', sizeGiB: 100 }]");
    dataVolumes.forEach((volume, index) => {
      const field = `dataVolumes[${index}]`;
      if (typeof volume !== 'object' || volume === null) configError(this, field, 'is not a volume', "give { deviceName: '/dev/sdb', sizeGiB: 100 }");
      requireString(this, `${field}.deviceName`, volume.deviceName, "give a device name such as '/dev/sdb'");
      if (!DEVICE_NAME.test(volume.deviceName)) configError(this, `${field}.deviceName`, `is ${formatValue(volume.deviceName)}`, "use '/dev/sdb' to '/dev/sdz' (the root volume is /dev/xvda)");
      requireVolume(this, { size: `${field}.sizeGiB`, type: `${field}.volumeType`, iops: `${field}.iops` }, volume);
    });
    requireUnique(this, 'dataVolumes', dataVolumes.map((volume) => volume.deviceName), 'give every volume its own device name');
    if (props.volumeKmsKeyArn !== undefined) requireArn(this, 'volumeKmsKeyArn', props.volumeKmsKeyArn, { service: 'kms' });
    if (props.userData !== undefined) requireString(this, 'userData', props.userData, 'give the cloud-init script as a string');
    requireBoolean(this, 'sourceDestCheck', props.sourceDestCheck);
    const name = physicalName([props.name], 64);
    const role = new ServiceRole(this, 'Role', {
      roleName: physicalName([props.name, 'instance'], 64),
      // EC2 sends no aws:SourceAccount or aws:SourceArn when it assumes an instance role.
      servicePrincipal: 'ec2.amazonaws.com',
      statements: props.statements,
      managedPolicyNames: ['AmazonSSMManagedInstanceCore'],
      provider,
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
        iops: props.rootVolumeIops,
        deleteOnTermination: true,
        ...encrypted,
      },
      ebsBlockDevice: dataVolumes.map((volume) => ({
        deviceName: volume.deviceName,
        volumeSize: volume.sizeGiB,
        volumeType: volume.volumeType ?? 'gp3',
        iops: volume.iops,
        deleteOnTermination: true,
        ...encrypted,
      })),
      // Scripts may hold ${VAR}; Terraform must read it as written.
      ...(props.userData !== undefined ? { userData: terraformLiteral(props.userData), userDataReplaceOnChange: true } : {}),
      tags: nameTags(name),
      dependsOn,
    });
    this.instanceId = this.instance.id;
    this.privateIp = this.instance.privateIp;
    this.securityGroupId = this.securityGroup.securityGroupId;
    this.roleArn = role.roleArn;
    this.roleName = role.roleName;
  }
}
