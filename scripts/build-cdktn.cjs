// Builds the CDK Terrain package of a library from its cdktf build: packages/<lib>/cdktn holds
// `@privatelink-cdktn/<lib>`, whose dist/ and src/ are the library's own with every module
// specifier that names a framework package rewritten (`cdktf` → `cdktn`, `@cdktf/provider-aws/...`
// → `@cdktn/provider-aws/...`, `@privatelink-cdktf/core` → `@privatelink-cdktn/core`), and whose
// README is the library's with its examples rewritten the same way. One source, two package sets:
// a library compiled against cdktf cannot serve a cdktn stack (`instanceof` fails across the two
// packages), so each set must import its own framework.
//
//   node ../../scripts/build-cdktn.cjs          in packages/<lib>, after tsc (the library's build)
//   node scripts/build-cdktn.cjs --sync-manifests   rewrites every packages/*/cdktn/package.json
//
// The cdktn manifest is committed (Changesets versions it in a fixed group with its cdktf twin); the
// build fails when it no longer matches the one derived from the library's manifest.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const { FRAMEWORKS, RENAMED_PACKAGES, cdktnSpecifier } = require('./frameworks.cjs');
const { LIBRARY_SOURCES } = require('./workspace-libraries.cjs');

const CDKTN_DIR = 'cdktn';

/**
 * The source with every framework module specifier (import, export, require, import type) in its
 * cdktn spelling; `names` lists the specifiers it changed.
 * @param {string} text
 */
function rewriteSpecifiers(text) {
  const { importedFiles, ambientExternalModules } = ts.preProcessFile(text, true, true);
  if ((ambientExternalModules ?? []).some((name) => cdktnSpecifier(name) !== undefined)) {
    throw new Error(`declares an ambient module of a framework package (${ambientExternalModules.join(', ')}), which this build does not rewrite`);
  }
  let out = text;
  const names = [];
  for (const { fileName, pos } of importedFiles) {
    const renamed = cdktnSpecifier(fileName);
    if (renamed === undefined) continue;
    // Same length: offsets stay valid for the next specifier, and the source maps stay exact.
    if (renamed.length !== fileName.length) throw new Error(`'${fileName}' → '${renamed}' changes the length`);
    // pos is the opening quote of the string literal.
    const start = pos + 1;
    if (!`'"\``.includes(text[pos]) || text.slice(start, start + fileName.length) !== fileName) {
      throw new Error(`cannot locate the specifier '${fileName}' at offset ${pos}`);
    }
    out = out.slice(0, start) + renamed + out.slice(start + fileName.length);
    names.push(fileName);
  }
  return { text: out, names };
}

/** Module specifiers of the text that still name a cdktf-only package (none, after a rewrite). */
function cdktfSpecifiers(text) {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName).filter((name) => cdktnSpecifier(name) !== undefined);
}

/** Markdown with the package names, the code blocks' module specifiers and the CLI commands in their cdktn spelling. */
function rewriteMarkdown(markdown) {
  let body = markdown.replace(/^```(ts|typescript)[ \t]*\r?\n([\s\S]*?)^```/gm, (_block, lang, code) => `\`\`\`${lang}\n${rewriteSpecifiers(code).text}\`\`\``);
  for (const [from, to] of RENAMED_PACKAGES) if (from.startsWith(`${FRAMEWORKS.cdktf.scope}/`)) body = body.split(from).join(to);
  // Install lines (`npm install ... cdktf@^0.21.0 constructs@^10.4.2 "@cdktf/provider-aws@>=21.0.0 <22.0.0"`):
  // the cdktn packages at the ranges the cdktn set takes.
  const { peers, providerAws, library, cli } = FRAMEWORKS.cdktn;
  body = body
    .replace(/"?@cdktf\/provider-aws@[^"\s]+(?: <[^"\s]+)?"?/g, `"${providerAws}@${peers[providerAws]}"`)
    .replace(/"?\bconstructs@[^"\s]+(?: <[^"\s]+)?"?/g, `"constructs@${peers.constructs}"`)
    .replace(/\bcdktf-cli@[^"\s]+/g, `${cli}@${peers[library]}`)
    .replace(/\bcdktf@[^"\s]+/g, `${library}@${peers[library]}`);
  body = body.split(FRAMEWORKS.cdktf.providerAws).join(providerAws).split(FRAMEWORKS.cdktf.cli).join(cli);
  return body.replace(/(`|npx )cdktf (synth|deploy|diff|destroy)\b/g, '$1cdktn $2');
}

/** The README of the cdktn package: the library's, rewritten, with a preface that says what this build is and how to install it. */
function cdktnReadme(readme, manifest) {
  const cdktn = FRAMEWORKS.cdktn;
  const name = cdktnName(manifest.name);
  const peers = Object.entries(cdktn.peers).map(([peer, range]) => `\`${peer}\` ${range}`).join(', ');
  const preface = [
    `> **CDK Terrain build.** \`${name}\` is \`${manifest.name}\` built for CDK Terrain (\`cdktn\`) from the same`,
    `> source: it imports \`cdktn\` and \`${cdktn.providerAws}\` and takes them as peers (${peers}); the CLI,`,
    `> \`${cdktn.cli}\`, needs Node 22.19 or newer.`,
    `> Install it with \`npm install ${name} ${cdktn.library} constructs@"${cdktn.peers.constructs}" ${cdktn.providerAws}\`.`,
  ].join('\n');
  const [title, ...rest] = rewriteMarkdown(readme).split('\n');
  return [title, '', preface, ...rest].join('\n');
}

const cdktnName = (name) => RENAMED_PACKAGES.get(name) ?? name;

/** The manifest of the cdktn package, derived from the library's. */
function cdktnManifest(manifest) {
  const cdktn = FRAMEWORKS.cdktn;
  const renameDeps = (deps) => deps && Object.fromEntries(Object.entries(deps).map(([dep, range]) => [cdktnName(dep), range]));
  const derived = {
    name: cdktnName(manifest.name),
    version: manifest.version,
    description: `${manifest.description} (the CDK Terrain build: cdktn and @cdktn/provider-aws)`,
    license: manifest.license,
    keywords: manifest.keywords.map((keyword) => (keyword === FRAMEWORKS.cdktf.library ? cdktn.library : keyword)),
    repository: { ...manifest.repository, directory: `${manifest.repository.directory}/${CDKTN_DIR}` },
    type: manifest.type,
    main: manifest.main,
    types: manifest.types,
    exports: manifest.exports,
    typesVersions: manifest.typesVersions,
    files: manifest.files,
    sideEffects: manifest.sideEffects,
    publishConfig: manifest.publishConfig,
    dependencies: renameDeps(manifest.dependencies),
    peerDependencies: cdktn.peers,
  };
  return JSON.parse(JSON.stringify(derived));
}

const manifestText = (manifest) => `${JSON.stringify(manifest, null, 2)}\n`;

function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Writes packages/<lib>/cdktn/{dist,src,README.md} from the library's build. */
function buildCdktnPackage(libraryDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(libraryDir, 'package.json'), 'utf8'));
  const target = path.join(libraryDir, CDKTN_DIR);
  const committed = fs.readFileSync(path.join(target, 'package.json'), 'utf8');
  if (committed !== manifestText(cdktnManifest(manifest))) {
    throw new Error(`${path.relative(process.cwd(), path.join(target, 'package.json'))} does not match ${manifest.name}'s manifest: run \`node scripts/build-cdktn.cjs --sync-manifests\` at the repository root and commit it`);
  }
  if (!fs.existsSync(path.join(libraryDir, 'dist', 'index.js'))) throw new Error(`${manifest.name} has no build in dist/: run its tsc first`);
  let rewritten = 0;
  for (const folder of ['dist', 'src']) {
    fs.rmSync(path.join(target, folder), { recursive: true, force: true });
    for (const file of filesUnder(path.join(libraryDir, folder))) {
      const out = path.join(target, path.relative(libraryDir, file));
      fs.mkdirSync(path.dirname(out), { recursive: true });
      if (file.endsWith('.md')) {
        fs.writeFileSync(out, rewriteMarkdown(fs.readFileSync(file, 'utf8')));
      } else if (/\.(js|ts)$/.test(file)) {
        const result = rewriteSpecifiers(fs.readFileSync(file, 'utf8'));
        const left = cdktfSpecifiers(result.text);
        if (left.length > 0) throw new Error(`${file} still imports ${left.join(', ')} after the rewrite`);
        fs.writeFileSync(out, result.text);
        rewritten += result.names.length;
      } else {
        // Source maps: the rewrite keeps every line and column, so they apply as they are.
        fs.copyFileSync(file, out);
      }
    }
  }
  fs.writeFileSync(path.join(target, 'README.md'), cdktnReadme(fs.readFileSync(path.join(libraryDir, 'README.md'), 'utf8'), manifest));
  return { name: cdktnName(manifest.name), rewritten };
}

function syncManifests() {
  for (const src of LIBRARY_SOURCES.values()) {
    const libraryDir = path.dirname(src);
    const manifest = JSON.parse(fs.readFileSync(path.join(libraryDir, 'package.json'), 'utf8'));
    fs.mkdirSync(path.join(libraryDir, CDKTN_DIR), { recursive: true });
    fs.writeFileSync(path.join(libraryDir, CDKTN_DIR, 'package.json'), manifestText(cdktnManifest(manifest)));
  }
}

if (require.main === module) {
  try {
    if (process.argv.includes('--sync-manifests')) syncManifests();
    else {
      const { name, rewritten } = buildCdktnPackage(process.cwd());
      console.log(`${name}: ${rewritten} module specifiers rewritten for cdktn`);
    }
  } catch (error) {
    console.error(`build-cdktn: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

module.exports = { rewriteSpecifiers, cdktfSpecifiers, cdktnManifest, cdktnReadme, buildCdktnPackage, manifestText, CDKTN_DIR };
