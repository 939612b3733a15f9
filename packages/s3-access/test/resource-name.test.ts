import { requireResourceName } from '../src/resource-name';
import { devStack } from './helpers';

describe('requireResourceName', () => {
  it('accepts names every derived resource name can take', () => {
    expect(requireResourceName(devStack(), 's3-private-access-prod_sftp.1')).toBe('s3-private-access-prod_sftp.1');
  });

  it("reports spaces, punctuation and length on 'name', before a log group or role would", () => {
    expect(() => requireResourceName(devStack(), 'my sftp')).toThrow(/'name' is 'my sftp', which has characters a name may not contain/);
    expect(() => requireResourceName(devStack(), 'sftp/prod')).toThrow(/'name' is 'sftp\/prod'/);
    expect(() => requireResourceName(devStack(), 'a'.repeat(65))).toThrow(/more than the 64 a name may have/);
    expect(() => requireResourceName(devStack(), undefined as never)).toThrow(/'name' is missing; give a name such as '[a-z0-9-]+'$/);
  });
});
