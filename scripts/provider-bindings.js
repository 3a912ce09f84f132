// Generates the provider bindings of one build (cdktf or cdktn: `generator` is that core's provider generator) from
// the trimmed schemas in schema/. Shared by generate-bindings.js (cdktf) and build-variant.js (cdktn).
//
// Version range: a schema's `provider_versions` names the one version the bindings are generated from and every test
// runs against (the oldest the library is proven with). Generated as it is, every stack would pin that exact version
// (cdktf writes the binding's version into `required_providers`), so a platform team could not choose its provider and
// every provider release would need a library release. The bindings therefore carry a range instead:
// `>= <tested>, < <next major>.0.0`. The lower bound is what the tests prove; the upper bound is the next major,
// where the providers' semantic versioning allows removing or renaming the attributes the bindings write.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SCHEMAS = ['tencentcloud.json', 'huaweicloud.json'];

/** `>= 1.82.102, < 2.0.0` for a tested 1.82.102. */
function versionRange(tested) {
  const major = Number(tested.split('.')[0]);
  if (!Number.isInteger(major)) throw new Error(`not a provider version: ${tested}`);
  return `>= ${tested}, < ${major + 1}.0.0`;
}

/** Writes the bindings of every schema into outdir with `generator` (@cdktf/provider-generator or @cdktn/...). */
async function generateBindings(generator, outdir) {
  const { CodeMaker, TerraformProviderConstraint, TerraformProviderGenerator } = generator;
  for (const file of SCHEMAS) {
    const { provider_versions: versions, ...schema } = JSON.parse(fs.readFileSync(path.join(root, 'schema', file), 'utf8'));
    const code = new CodeMaker();
    const bindings = new TerraformProviderGenerator(code, schema);
    for (const [fqpn, tested] of Object.entries(versions)) {
      // Without provider_versions the generator writes the constraint, not a pinned version, into the bindings.
      const [, namespace, name] = fqpn.split('/');
      bindings.generate(new TerraformProviderConstraint({ name, namespace, source: fqpn, version: versionRange(tested) }));
    }
    await code.save(outdir);
  }
  if (!fs.existsSync(outdir)) throw new Error(`generator wrote nothing to ${outdir}`);
}

module.exports = { generateBindings, versionRange };
