import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  HANDOFF_FORMAT,
  type HandoffDocument,
  HandoffDocumentError,
  handoffEndpointSettings,
  handoffFromOutputs,
  parseHandoffDocument,
  readHandoffDocument,
} from '../src/handoff-document';

const DOCUMENT: HandoffDocument = {
  format: HANDOFF_FORMAT,
  providerStack: 'saas-provider-prod',
  serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0f9e8d7c6b5a49382',
  availabilityZoneIds: ['apne1-az1', 'apne1-az2', 'apne1-az4'],
  privateDnsName: 'api.saas.example.com',
  supportedRegions: ['ap-northeast-1', 'us-east-1'],
  supportedIpAddressTypes: ['ipv4'],
};
const FILE = 'handoff/saas-provider-prod.json';

function errorOf(value: unknown): string {
  try {
    parseHandoffDocument(value, FILE);
  } catch (error) {
    if (error instanceof HandoffDocumentError) return error.message;
    throw error;
  }
  throw new Error('the document was accepted');
}

describe('parseHandoffDocument', () => {
  it('takes a document as the provider wrote it', () => {
    expect(parseHandoffDocument(JSON.parse(JSON.stringify(DOCUMENT)), FILE)).toEqual(DOCUMENT);
  });

  it('names the file, the field and the fix of a document it cannot use', () => {
    expect(errorOf({ ...DOCUMENT, format: 'privatelink-cdktf/handoff@2' })).toBe(
      `${FILE}: 'format' is "privatelink-cdktf/handoff@2"; this reader takes ${HANDOFF_FORMAT}: update @privatelink-cdktf/consumer, or ask for a document of that format`,
    );
    expect(errorOf({ ...DOCUMENT, serviceName: undefined })).toBe(`${FILE}: 'serviceName' is missing; ask the provider for a complete handoff document`);
    expect(errorOf({ ...DOCUMENT, availabilityZoneIds: ['ap-northeast-1a'] })).toBe(`${FILE}: 'availabilityZoneIds[0]' is "ap-northeast-1a", which is not an AZ ID such as apne1-az1`);
    expect(errorOf({ ...DOCUMENT, availabilityZoneIds: [] })).toBe(`${FILE}: 'availabilityZoneIds' is empty; the provider must publish at least one`);
    expect(errorOf({ ...DOCUMENT, supportedIpAddressTypes: ['dualstack'] })).toBe(`${FILE}: 'supportedIpAddressTypes[0]' is "dualstack"; use one of 'ipv4', 'ipv6'`);
    expect(errorOf({ ...DOCUMENT, zones: [] })).toBe(`${FILE}: the document has the unknown field 'zones'; use the document as the provider wrote it`);
    expect(errorOf({ ...DOCUMENT, serviceName: 'vpce-svc-0f9e8d7c6b5a49382' })).toMatch(/^handoff\/saas-provider-prod.json: 'serviceName' is 'vpce-svc-0f9e8d7c6b5a49382', which is not an endpoint service name; use the document as the provider wrote it/);
    expect(errorOf({ ...DOCUMENT, serviceName: 'com.amazonaws.ap-northeast-1.s3' })).toMatch(/'serviceName' is 'com.amazonaws.ap-northeast-1.s3', an AWS service/);
    expect(errorOf({ ...DOCUMENT, supportedRegions: ['ap-northeast-9'] })).toMatch(/'supportedRegions' has unknown region 'ap-northeast-9'/);
    expect(errorOf({ ...DOCUMENT, privateDnsName: 'API.example.com' })).toMatch(/'privateDnsName' is 'API.example.com', which is not a valid DNS name/);
  });
});

describe('readHandoffDocument', () => {
  it('reads a file, and names one that is missing or not JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-'));
    try {
      const file = path.join(dir, 'saas-provider-prod.json');
      fs.writeFileSync(file, JSON.stringify(DOCUMENT));
      expect(readHandoffDocument(file)).toEqual(DOCUMENT);
      fs.writeFileSync(file, '{"format":');
      expect(() => readHandoffDocument(file)).toThrow(/saas-provider-prod.json: is not JSON/);
      expect(() => readHandoffDocument(path.join(dir, 'other.json'))).toThrow(/other.json: cannot be read \(ENOENT\); ask the provider for its handoff document/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('handoffEndpointSettings', () => {
  it('gives the service and zones for an endpoint in the service region', () => {
    expect(handoffEndpointSettings(DOCUMENT, { region: 'ap-northeast-1' })).toEqual({
      service: { serviceName: DOCUMENT.serviceName },
      providerAvailabilityZoneIds: DOCUMENT.availabilityZoneIds,
      serviceRegion: undefined,
      privateDnsName: 'api.saas.example.com',
    });
  });

  it('sets the service region for a supported other region, and refuses an unsupported region or IP type', () => {
    expect(handoffEndpointSettings(DOCUMENT, { region: 'us-east-1' }).serviceRegion).toBe('ap-northeast-1');
    expect(() => handoffEndpointSettings(DOCUMENT, { region: 'eu-west-1', file: FILE })).toThrow(
      `${FILE}: 'supportedRegions' is ["ap-northeast-1","us-east-1"], without eu-west-1 where the endpoint is; ask the provider to add eu-west-1`,
    );
    expect(() => handoffEndpointSettings(DOCUMENT, { region: 'ap-northeast-1', ipAddressType: 'dualstack' })).toThrow(/'supportedIpAddressTypes' is \["ipv4"\], so an endpoint with ipAddressType 'dualstack' cannot connect/);
  });
});

describe('handoffFromOutputs', () => {
  const outputs = {
    service_name: { value: DOCUMENT.serviceName },
    availability_zone_ids: { value: DOCUMENT.availabilityZoneIds },
    private_dns_name: { value: DOCUMENT.privateDnsName },
    supported_regions: { value: DOCUMENT.supportedRegions },
    supported_ip_address_types: { value: DOCUMENT.supportedIpAddressTypes },
    nlb_arn: { value: 'arn:aws:elasticloadbalancing:ap-northeast-1:333333333333:loadbalancer/net/x/0123456789abcdef' },
  };

  it('writes the document from the outputs, leaving out the others', () => {
    expect(handoffFromOutputs('saas-provider-prod', outputs, 'terraform output')).toEqual(DOCUMENT);
    const withoutDns: HandoffDocument = { ...DOCUMENT };
    delete (withoutDns as { privateDnsName?: string }).privateDnsName;
    expect(handoffFromOutputs('saas-provider-prod', { ...outputs, private_dns_name: { value: null } }, 'terraform output')).toEqual(withoutDns);
  });

  it('names the outputs a stack lacks, and checks what it writes', () => {
    expect(() => handoffFromOutputs('saas-provider-prod', { service_name: outputs.service_name }, 'state.json')).toThrow(
      /^state.json: has no output 'availability_zone_ids', 'supported_regions', 'supported_ip_address_types'; the provider stack must define the handoff outputs/,
    );
    expect(() => handoffFromOutputs('saas-provider-prod', { ...outputs, service_name: { value: 'pending' } }, 'state.json')).toThrow(/state.json: 'serviceName' is 'pending'/);
  });
});

describe('handoff document errors', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a value of the wrong type', { serviceName: 5 }, `'serviceName' is 5, not a string`],
    ['one zone where a list belongs', { availabilityZoneIds: 'apne1-az1' }, `'availabilityZoneIds' is "apne1-az1", not a list`],
    ['unknown fields, named before any other problem', { serviceName: 5, zones: [], owner: 'x' }, `the document has the unknown field 'zones', 'owner'; use the document as the provider wrote it`],
  ])('name %s', (_name, change, message) => expect(errorOf({ ...DOCUMENT, ...change })).toBe(`${FILE}: ${message}`));

  it('are HandoffDocumentErrors that carry the file and the field', () => {
    let caught: unknown;
    try {
      parseHandoffDocument({ ...DOCUMENT, serviceName: 'com.amazonaws.ap-northeast-1.s3' }, FILE);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ name: 'HandoffDocumentError', file: FILE, field: 'serviceName' });
    expect((caught as Error).message).toBe(
      `${FILE}: 'serviceName' is 'com.amazonaws.ap-northeast-1.s3', an AWS service; a handoff document names a provider's endpoint service, com.amazonaws.vpce.<region>.vpce-svc-...`,
    );
  });
});

describe('handoffEndpointSettings checks', () => {
  const errorOfSettings = (document: HandoffDocument, options: Parameters<typeof handoffEndpointSettings>[1]) => {
    try {
      handoffEndpointSettings(document, options);
    } catch (error) {
      return error as HandoffDocumentError;
    }
    throw new Error('the settings were accepted');
  };

  it("names the provider stack's document when no file is given, and the field", () => {
    const error = errorOfSettings(DOCUMENT, { region: 'eu-west-1' });
    expect(error.message).toMatch(/^the handoff document of saas-provider-prod: 'supportedRegions' is/);
    expect(error.field).toBe('supportedRegions');
    expect(errorOfSettings(DOCUMENT, { region: 'ap-northeast-1', ipAddressType: 'ipv6' }).field).toBe('supportedIpAddressTypes');
  });

  it("always accepts the service's own region, and IPv4 from any service", () => {
    expect(handoffEndpointSettings({ ...DOCUMENT, supportedRegions: [] }, { region: 'ap-northeast-1', ipAddressType: 'ipv4' })).toMatchObject({ serviceRegion: undefined });
  });

  it('accepts a dual-stack or IPv6 endpoint when the service supports IPv6', () => {
    const dual: HandoffDocument = { ...DOCUMENT, supportedIpAddressTypes: ['ipv4', 'ipv6'] };
    expect(handoffEndpointSettings(dual, { region: 'ap-northeast-1', ipAddressType: 'dualstack' }).service).toEqual({ serviceName: DOCUMENT.serviceName });
    expect(handoffEndpointSettings(dual, { region: 'ap-northeast-1', ipAddressType: 'ipv6' }).service).toEqual({ serviceName: DOCUMENT.serviceName });
  });
});

describe('handoffFromOutputs without private DNS', () => {
  const outputs = {
    service_name: { value: DOCUMENT.serviceName },
    availability_zone_ids: { value: DOCUMENT.availabilityZoneIds },
    supported_regions: { value: DOCUMENT.supportedRegions },
    supported_ip_address_types: { value: DOCUMENT.supportedIpAddressTypes },
  };
  const withoutDns: HandoffDocument = { ...DOCUMENT };
  delete (withoutDns as { privateDnsName?: string }).privateDnsName;

  it.each([
    ['no private_dns_name output', outputs],
    ['an empty private_dns_name', { ...outputs, private_dns_name: { value: '' } }],
  ])('writes no privateDnsName for %s', (_name, given) => {
    expect(handoffFromOutputs('saas-provider-prod', given, 'terraform output')).toStrictEqual(withoutDns);
  });

  it('lists every handoff output the provider stack must define', () => {
    expect(() => handoffFromOutputs('saas-provider-prod', {}, 'state.json')).toThrow(
      "must define the handoff outputs (service_name, availability_zone_ids, private_dns_name, supported_regions, supported_ip_address_types) and be applied",
    );
  });
});
