// The two Terraform CDK frameworks the libraries are published for: CDKTF (`cdktf`, archived at
// 0.21) and its community fork CDK Terrain (`cdktn`). The sources are written against cdktf; the
// cdktn build, the cdktn Jest projects, the cdktn synth bundle and the lint rule all take the
// package names from here, so a name changes in one place.
const { LIBRARY_SOURCES } = require('./workspace-libraries.cjs');

/** @typedef {'cdktf' | 'cdktn'} Framework */

const FRAMEWORKS = {
  cdktf: {
    library: 'cdktf',
    cli: 'cdktf-cli',
    providerAws: '@cdktf/provider-aws',
    /** The scope the libraries are published under for this framework. */
    scope: '@privatelink-cdktf',
    /** Peer ranges of every published library. */
    peers: { cdktf: '^0.21.0', constructs: '^10.4.2', '@cdktf/provider-aws': '>=21.0.0 <22.0.0' },
  },
  cdktn: {
    library: 'cdktn',
    cli: 'cdktn-cli',
    providerAws: '@cdktn/provider-aws',
    scope: '@privatelink-cdktn',
    // cdktn 0.24 and @cdktn/provider-aws 25 take constructs >=10.6.0 <10.8.0 as their peer.
    peers: { cdktn: '^0.24.0', constructs: '>=10.6.0 <10.8.0', '@cdktn/provider-aws': '>=25.0.0 <26.0.0' },
  },
};

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The package names the sources import that differ between the frameworks: cdktf's → cdktn's. */
const RENAMED_PACKAGES = new Map([
  [FRAMEWORKS.cdktf.library, FRAMEWORKS.cdktn.library],
  [FRAMEWORKS.cdktf.providerAws, FRAMEWORKS.cdktn.providerAws],
  // The workspace libraries (@privatelink-cdktf/core → @privatelink-cdktn/core, ...).
  ...[...LIBRARY_SOURCES.keys()].map((name) => [name, FRAMEWORKS.cdktn.scope + name.slice(FRAMEWORKS.cdktf.scope.length)]),
]);

/**
 * The cdktn module specifier for a cdktf one (`cdktf` → `cdktn`, `@cdktf/provider-aws/lib/vpc` →
 * `@cdktn/provider-aws/lib/vpc`, `@privatelink-cdktf/core` → `@privatelink-cdktn/core`), or
 * undefined when it names none of the renamed packages. Every renamed name has the same length, so
 * a rewritten file keeps its source map's columns.
 * @param {string} specifier
 * @returns {string | undefined}
 */
function cdktnSpecifier(specifier) {
  for (const [from, to] of RENAMED_PACKAGES) {
    if (specifier === from || specifier.startsWith(`${from}/`)) return to + specifier.slice(from.length);
  }
  return undefined;
}

/**
 * Jest moduleNameMapper entries that run code written against cdktf under cdktn (the package names
 * only: the workspace libraries keep resolving to their sources).
 */
const CDKTN_MODULE_MAPPER = Object.fromEntries(
  [FRAMEWORKS.cdktf.library, FRAMEWORKS.cdktf.providerAws].flatMap((from) => [
    [`^${escapeRegExp(from)}$`, cdktnSpecifier(from)],
    [`^${escapeRegExp(from)}/(.*)$`, `${cdktnSpecifier(from)}/$1`],
  ]),
);

/**
 * Where two synthesized stacks (cdk.tf.json, parsed) differ, as JSON paths (`a.b.c`) with each side's
 * value. The same code synthesized under cdktf and under cdktn differs only at '//.metadata.version'
 * (the framework) and 'terraform.required_providers.aws' (the binding's spelling of hashicorp/aws and
 * the provider version it pins); the tests say so for the apps and the README examples.
 * @returns {Array<{ path: string, cdktf: unknown, cdktn: unknown }>}
 */
function synthesisDifferences(cdktf, cdktn, at = '') {
  if (typeof cdktf === 'object' && cdktf !== null && typeof cdktn === 'object' && cdktn !== null && Array.isArray(cdktf) === Array.isArray(cdktn)) {
    const keys = [...new Set([...Object.keys(cdktf), ...Object.keys(cdktn)])];
    return keys.flatMap((key) => synthesisDifferences(cdktf[key], cdktn[key], at ? `${at}.${key}` : key));
  }
  return JSON.stringify(cdktf) === JSON.stringify(cdktn) ? [] : [{ path: at, cdktf, cdktn }];
}

module.exports = { FRAMEWORKS, RENAMED_PACKAGES, cdktnSpecifier, CDKTN_MODULE_MAPPER, synthesisDifferences };
