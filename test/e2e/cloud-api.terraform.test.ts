// End to end against the REAL tencentcloud provider (1.82.102, from ../shared/providers, real-provider.ts) and the fake
// Tencent Cloud API 3.0 (fake-cloud-api.ts), which verifies every TC3-HMAC-SHA256 signature. The provider runs with
// protocol = "HTTP" and HTTP_PROXY pointing at the fake, so its API calls arrive in absolute-URI form with their real
// Host (`cam.tencentcloudapi.com`, `tag.tencentcloudapi.com`). A hand-written stack with what CosServiceRole creates:
// data tencentcloud_user_info, the role COS_QcsRole, a PutObject policy, the attachment. Lifecycle under test: apply,
// empty plan, a changed policy document is one in-place update, a reformatted document is no change, destroy leaves
// the fake empty; a wrong secret key and a tampered request are refused.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY } from '../support/fake-cos';
import { FAKE_APP_ID, FAKE_OWNER_UIN, FakeCloudApi } from '../support/fake-cloud-api';
import { describeWithRealProviders, installRealProviders } from '../support/real-provider';
import { planExitCode, terraformRunner } from '../support/terraform';

const TRUST = '{"version":"2.0","statement":[{"action":["name/sts:AssumeRole"],"effect":"allow","principal":{"service":["cos.cloud.tencent.com"]}}]}';
const APP_ID_REF = '${data.tencentcloud_user_info.current.app_id}';
const location = (appId: string, prefix: string) => `qcs::cos:ap-guangzhou:uid/${appId}:examplebucket-1250000000/${prefix}/*`;
/** A policy document as CosServiceRole renders it: lowercase keys, arrays, compact. */
const policyDocument = (appId: string, ...prefixes: string[]) => JSON.stringify({
  version: '2.0', statement: [{ effect: 'allow', action: ['name/cos:PutObject'], resource: prefixes.map((prefix) => location(appId, prefix)) }],
});

let api: FakeCloudApi;
/** Each test's own stack directory. */
let dir: string;
let secretKey = FAKE_SECRET_KEY;
const stackDir = () => path.join(dir, 'stack');

const terraform = terraformRunner(stackDir, () => ({
  ...installRealProviders().env,
  // Until the routing proxy exists, the fake itself is the proxy: it reads the Host of absolute-URI requests.
  HTTP_PROXY: api.url, http_proxy: api.url, NO_PROXY: '', no_proxy: '',
  TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID,
  TENCENTCLOUD_SECRET_KEY: secretKey,
  TENCENTCLOUD_SECURITY_TOKEN: '',
}));


function writeStack(policy: string): void {
  writeFileSync(path.join(stackDir(), 'main.tf.json'), JSON.stringify({
    terraform: { required_providers: { tencentcloud: { source: 'tencentcloudstack/tencentcloud', version: '1.82.102' } } },
    provider: { tencentcloud: [{ region: 'ap-guangzhou', protocol: 'HTTP' }] },
    data: { tencentcloud_user_info: { current: {} } },
    resource: {
      tencentcloud_cam_role: { cos: { name: 'COS_QcsRole', document: TRUST, description: 'Assumed by COS to deliver bucket inventory reports' } },
      tencentcloud_cam_policy: { writer: { name: 'CosInventoryReportWriter', document: policy, description: 'Lets COS write inventory reports' } },
      tencentcloud_cam_role_policy_attachment: { writer: { role_id: '${tencentcloud_cam_role.cos.id}', policy_id: '${tencentcloud_cam_policy.writer.id}' } },
    },
    output: {
      owner_uin: { value: '${data.tencentcloud_user_info.current.owner_uin}' },
      app_id: { value: APP_ID_REF },
    },
  }, null, 2));
}

/** The `values` of each resource in the state, by address. */
async function stateValues(): Promise<Record<string, any>> {
  const shown = JSON.parse(await terraform('show', '-json'));
  return Object.fromEntries((shown.values?.root_module?.resources ?? []).map((r: any) => [r.address, r.values]));
}

/** Sends a request to the fake as a proxy client would: absolute URI, the given Host and headers. */
function send(headers: Record<string, string>, body: string): Promise<{ status: number; json: any }> {
  const { port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: `http://${headers.host}/`, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const writesOf = (actions: string[]) => actions.filter((a) => !/:(Get|Describe|List)/.test(a));

describeWithRealProviders('the real tencentcloud provider against the fake cloud API', () => {
  // Every test has its own fake and its own state, so each runs alone (`jest -t`).
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cloud-api-e2e-'));
    mkdirSync(stackDir());
    api = await new FakeCloudApi().start();
  });

  afterEach(async () => {
    await api?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Writes the stack with this policy document, then `init` and `apply`. */
  async function appliedWith(policy: string): Promise<void> {
    writeStack(policy);
    await terraform('init', '-input=false');
    await terraform('apply', '-auto-approve', '-input=false');
  }

  test('apply creates role, policy and attachment with the documents as written; the next plan is empty', async () => {
    writeStack(policyDocument(APP_ID_REF, 'cos-inventory'));
    await terraform('init', '-input=false');
    await terraform('apply', '-auto-approve', '-input=false');

    // Every call was signed correctly and known to the fake.
    expect(api.calls.filter((c) => c.errorCode)).toEqual([]);
    expect(new Set(api.actions)).toEqual(new Set([
      'cam:GetUserAppId', 'cam:DescribeSubAccounts', // data tencentcloud_user_info
      'cam:CreateRole', 'cam:DescribeRoleList', 'tag:DescribeResourceTagsByResourceIds', // tencentcloud_cam_role
      'cam:CreatePolicy', 'cam:GetPolicy', // tencentcloud_cam_policy
      'cam:AttachRolePolicy', 'cam:ListAttachedRolePolicies', // tencentcloud_cam_role_policy_attachment
    ]));

    // The provider sends the documents verbatim (a JSON string in the JSON body, not URL-encoded).
    const expectedPolicy = policyDocument(String(FAKE_APP_ID), 'cos-inventory');
    const createRole = api.calls.find((c) => c.action === 'CreateRole')!;
    expect(createRole.params).toEqual({ RoleName: 'COS_QcsRole', PolicyDocument: TRUST, Description: 'Assumed by COS to deliver bucket inventory reports' });
    const createPolicy = api.calls.find((c) => c.action === 'CreatePolicy')!;
    expect(createPolicy.params).toEqual({ PolicyName: 'CosInventoryReportWriter', PolicyDocument: expectedPolicy, Description: 'Lets COS write inventory reports' });

    const [role] = api.roles.values();
    const [policy] = api.policies.values();
    expect(api.roles.size).toBe(1);
    expect(role).toMatchObject({ RoleName: 'COS_QcsRole', PolicyDocument: TRUST });
    expect(api.policies.size).toBe(1);
    expect(policy).toMatchObject({ PolicyName: 'CosInventoryReportWriter', PolicyDocument: expectedPolicy });
    expect([...api.attachments.get(role.RoleId)!.keys()]).toEqual([policy.PolicyId]);
    expect(api.calls.find((c) => c.action === 'AttachRolePolicy')!.params).toEqual({ AttachRoleId: role.RoleId, PolicyId: policy.PolicyId });

    const outputs = JSON.parse(await terraform('output', '-json'));
    expect(outputs.owner_uin.value).toBe(FAKE_OWNER_UIN);
    expect(outputs.app_id.value).toBe(String(FAKE_APP_ID));

    // What the provider read back: GetPolicy's `\/` undone, the trust document as DescribeRoleList gave it.
    const state = await stateValues();
    expect(state['tencentcloud_cam_policy.writer']).toMatchObject({ id: String(policy.PolicyId), document: expectedPolicy, type: 1 });
    expect(state['tencentcloud_cam_role.cos']).toMatchObject({
      id: role.RoleId, document: TRUST, role_arn: `qcs::cam::uin/${FAKE_OWNER_UIN}:roleName/COS_QcsRole`, console_login: false, session_duration: 43200,
    });
    expect(state['tencentcloud_cam_role_policy_attachment.writer']).toMatchObject({ id: `${role.RoleId}#${policy.PolicyId}`, policy_type: 'User' });

    expect((await planExitCode(terraform)).code).toBe(0);
  }, 120_000);

  test('a changed policy document is exactly one in-place UpdatePolicy, then the plan is empty', async () => {
    await appliedWith(policyDocument(APP_ID_REF, 'cos-inventory'));
    writeStack(policyDocument(APP_ID_REF, 'cos-inventory', 'other-reports'));
    const before = api.calls.length;
    const applied = await terraform('apply', '-auto-approve', '-input=false');
    expect(applied).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
    expect(applied).toContain('# tencentcloud_cam_policy.writer will be updated in-place');
    const during = api.calls.slice(before);
    expect(writesOf(during.map((c) => `${c.service}:${c.action}`))).toEqual(['cam:UpdatePolicy']);
    const expected = policyDocument(String(FAKE_APP_ID), 'cos-inventory', 'other-reports');
    expect(during.find((c) => c.action === 'UpdatePolicy')!.params).toEqual({ PolicyId: [...api.policies.keys()][0], PolicyDocument: expected });
    expect([...api.policies.values()][0].PolicyDocument).toBe(expected);

    expect((await planExitCode(terraform)).code).toBe(0);
  }, 90_000);

  test('the same document reformatted (key order, whitespace) plans no change: the provider compares parsed JSON', async () => {
    await appliedWith(policyDocument(APP_ID_REF, 'cos-inventory', 'other-reports'));
    const reordered = {
      statement: [{ resource: [location(APP_ID_REF, 'cos-inventory'), location(APP_ID_REF, 'other-reports')], action: ['name/cos:PutObject'], effect: 'allow' }],
      version: '2.0',
    };
    // -refresh=false: the comparison is the document's DiffSuppressFunc at plan time; the state was just refreshed.
    writeStack(JSON.stringify(reordered, null, 2));
    expect((await planExitCode(terraform, '-refresh=false')).code).toBe(0);
    // A real difference in shape is one: a string where CAM keeps an array.
    writeStack(JSON.stringify({ version: '2.0', statement: [{ effect: 'allow', action: 'name/cos:PutObject', resource: [location(APP_ID_REF, 'cos-inventory'), location(APP_ID_REF, 'other-reports')] }] }));
    expect((await planExitCode(terraform, '-refresh=false')).code).toBe(2);
  }, 90_000);

  test('a wrong secret key, a tampered body, an unknown action and an unknown version are refused', async () => {
    await appliedWith(policyDocument(APP_ID_REF, 'cos-inventory'));
    secretKey = 'notTheFakeSecretKey';
    try {
      await expect(terraform('plan', '-input=false')).rejects.toMatchObject({ stderr: expect.stringContaining('AuthFailure.SignatureFailure') });
    } finally {
      secretKey = FAKE_SECRET_KEY;
    }
    expect(api.calls.at(-1)!.errorCode).toBe('AuthFailure.SignatureFailure');

    // Replays of a request the provider signed: as is it is accepted; X-TC-Action and X-TC-Version are not among the
    // SignedHeaders (content-type;host), so changing them keeps the signature valid and reaches the action routing.
    const signed = [...api.requests].reverse().find((r) => r.headers['x-tc-action'] === 'GetUserAppId' && r.status === 200 && !r.errorCode)!;
    const headers = Object.fromEntries(Object.entries(signed.headers).filter(([name]) => !['content-length', 'connection'].includes(name)).map(([name, value]) => [name, String(value)]));
    expect((await send(headers, signed.body)).json.Response).toMatchObject({ Uin: FAKE_OWNER_UIN, OwnerUin: FAKE_OWNER_UIN, AppId: FAKE_APP_ID });
    const tampered = await send(headers, '{"Tampered":true}');
    expect(tampered.status).toBe(200);
    expect(tampered.json.Response.Error.Code).toBe('AuthFailure.SignatureFailure');
    expect(tampered.json.Response.RequestId).toMatch(/^fake-/);
    expect((await send({ ...headers, 'x-tc-action': 'DescribeInstances' }, signed.body)).json.Response.Error.Code).toBe('InvalidAction');
    expect((await send({ ...headers, 'x-tc-version': '2017-03-12' }, signed.body)).json.Response.Error.Code).toBe('NoSuchVersion');
    expect((await send({ ...headers, authorization: 'TC3-HMAC-SHA256 garbage' }, signed.body)).json.Response.Error.Code).toBe('AuthFailure.InvalidAuthorization');
  }, 90_000);

  test('destroy detaches and deletes everything; nothing is left in the fake, no secret in the log or the state', async () => {
    await appliedWith(policyDocument(APP_ID_REF, 'cos-inventory'));
    const state = await terraform('state', 'pull');
    const before = api.calls.length;
    await terraform('destroy', '-auto-approve', '-input=false');
    // The attachment goes first; role and policy are then deleted in either order.
    const writes = writesOf(api.actions.slice(before));
    expect(writes[0]).toBe('cam:DetachRolePolicy');
    expect(writes.slice(1).sort()).toEqual(['cam:DeletePolicy', 'cam:DeleteRole']);
    expect(api.calls.slice(before).filter((c) => c.errorCode)).toEqual([]);
    expect(api.roles.size).toBe(0);
    expect(api.policies.size).toBe(0);
    expect([...api.attachments.values()].every((attached) => attached.size === 0)).toBe(true);

    for (const text of [state, terraform.log(), readFileSync(path.join(stackDir(), 'main.tf.json'), 'utf8')]) {
      expect(text).not.toContain(FAKE_SECRET_KEY);
    }
  }, 90_000);
});
