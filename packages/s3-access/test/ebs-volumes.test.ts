import { Token } from 'cdktf';
import { EBS_VOLUME_LIMITS, requireVolume } from '../src/ebs-volumes';
import { devStack } from './helpers';

const check = (volume: Parameters<typeof requireVolume>[2], options?: Parameters<typeof requireVolume>[3]) => () =>
  requireVolume(devStack(), { size: 'sizeGiB', type: 'volumeType', iops: 'iops' }, volume, options);

describe('requireVolume', () => {
  it("accepts each type's extremes", () => {
    for (const [type, limits] of Object.entries(EBS_VOLUME_LIMITS)) {
      const volumeType = type as keyof typeof EBS_VOLUME_LIMITS;
      expect(check({ sizeGiB: limits.maxGiB, volumeType, iops: limits.maxIops })).not.toThrow();
      expect(check({ sizeGiB: limits.minGiB, volumeType, iops: limits.minIops })).not.toThrow();
    }
  });

  it('refuses sizes of 0 and beyond the type, IOPS beyond the ratio, and missing IOPS for io1', () => {
    expect(check({ sizeGiB: 0 })).toThrow(/'sizeGiB' is 0; use a whole number from 1 to 16384 GiB \(a gp3 volume\)/);
    expect(check({ sizeGiB: 65537, volumeType: 'io2', iops: 1000 })).toThrow(/from 4 to 65536 GiB/);
    expect(check({ sizeGiB: 10, volumeType: 'io1', iops: 600 })).toThrow(/'iops' is 600 for 10 GiB, more than the 50 IOPS per GiB an? io1 volume allows; give at most 500 IOPS, or a volume of at least 12 GiB/);
    expect(check({ sizeGiB: 10, volumeType: 'io1' })).toThrow(/'iops' is missing for an io1 volume/);
    expect(check({ sizeGiB: 100, iops: 2999 })).toThrow(/'iops' is 2999; use a whole number from 3000 to 16000 IOPS/);
  });

  it('leaves the IOPS-per-GiB ratio to Terraform when the size or the IOPS is known only at apply time', () => {
    expect(check({ sizeGiB: Token.asNumber({ Ref: 'size' }), iops: 16000 })).not.toThrow();
    expect(check({ sizeGiB: 8, iops: Token.asNumber({ Ref: 'iops' }) })).not.toThrow();
  });

  it("raises the floor for an appliance's needs, naming why", () => {
    expect(check({ sizeGiB: 79 }, { minGiB: 80, why: 'the AMI needs 80 GiB' })).toThrow(/from 80 to 16384 GiB \(the AMI needs 80 GiB\)/);
  });
});
