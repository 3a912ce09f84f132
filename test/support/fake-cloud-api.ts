// A fake Tencent Cloud API 3.0 on 127.0.0.1 for the end-to-end tests that run the real tencentcloud provider. The
// provider (protocol = "HTTP", HTTP_PROXY pointing here or at the routing proxy) sends `POST http://<service>.
// tencentcloudapi.com/` with its real Host. The fake verifies every TC3-HMAC-SHA256 signature (written from the
// documented algorithm, independent of any SDK), answers errors in the documented shape
// `{"Response":{"Error":{"Code","Message"},"RequestId"}}` with HTTP 200, keeps CAM roles, policies and role-policy
// attachments in memory, answers the caller's identity (a root account), and refuses every action it does not know
// with InvalidAction. Every call is recorded (`calls`) for assertions.
//
// The answers follow the shapes of the CAM API reference examples: documents come back as compact JSON with lowercase
// element names as stored; GetPolicy escapes `/` as `\/` in PolicyDocument (as its documented example does, and as
// the provider undoes on read); DescribeRoleList and GetRole return the trust document unescaped.
import { createHash, createHmac } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY } from './fake-cos';
import { FakeServer, RecordedRequest, ServiceError } from './fake-server';

const HOST_PATTERN = /^([a-z0-9-]+)\.tencentcloudapi\.com(?::\d+)?$/;
/** Signature time window the API accepts around its clock, in seconds. */
const MAX_CLOCK_SKEW_SECONDS = 300;
const NAME_PATTERN = /^[\w+=,.@-]{1,128}$/;

// ---------------------------------------------------------------------------------------------------------------
// TC3-HMAC-SHA256 (API 3.0 signature v3)
// ---------------------------------------------------------------------------------------------------------------

export interface Tc3Input {
  readonly method: string;
  /** The request path; the API only uses `/`. */
  readonly path: string;
  /** The raw query string without `?` (empty for POST). */
  readonly query: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

export interface Tc3Authorization {
  readonly secretId: string;
  readonly date: string;
  readonly service: string;
  readonly signedHeaders: string[];
  readonly signature: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** Parses `TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request, SignedHeaders=a;b, Signature=<hex>`. */
export function parseTc3Authorization(header: string | undefined): Tc3Authorization | undefined {
  const match = /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9]+)\/tc3_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/
    .exec(header ?? '');
  if (!match) return undefined;
  return { secretId: match[1], date: match[2], service: match[3], signedHeaders: match[4].split(';'), signature: match[5] };
}

function headerValue(headers: Tc3Input['headers'], name: string): string {
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return (Array.isArray(value) ? value.join(',') : value ?? '').trim();
}

/** The signature the request should carry: canonical request, string to sign, derived key, as the docs define them. */
export function tc3Signature(input: Tc3Input, auth: Omit<Tc3Authorization, 'signature' | 'secretId'>, timestamp: string, secretKey: string): string {
  const canonicalHeaders = auth.signedHeaders.map((name) => `${name}:${headerValue(input.headers, name).toLowerCase()}\n`).join('');
  const canonicalRequest = [
    input.method.toUpperCase(), input.path, input.query, canonicalHeaders, auth.signedHeaders.join(';'), sha256Hex(input.body),
  ].join('\n');
  const credentialScope = `${auth.date}/${auth.service}/tc3_request`;
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${credentialScope}\n${sha256Hex(canonicalRequest)}`;
  const signingKey = hmac(hmac(hmac(`TC3${secretKey}`, auth.date), auth.service), 'tc3_request');
  return createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
}

/** The error code and message a request's signature earns, or `undefined` when it is acceptable. */
export function tc3Problem(input: Tc3Input, service: string, secrets: Record<string, string>, nowSeconds: number): { code: string; message: string } | undefined {
  const raw = headerValue(input.headers, 'authorization');
  const auth = parseTc3Authorization(raw);
  if (!auth) return { code: 'AuthFailure.InvalidAuthorization', message: 'Authorization is not a TC3-HMAC-SHA256 signature' };
  const secretKey = secrets[auth.secretId];
  if (secretKey === undefined) return { code: 'AuthFailure.SecretIdNotFound', message: `unknown SecretId ${auth.secretId}` };
  const timestamp = headerValue(input.headers, 'x-tc-timestamp');
  if (!/^\d+$/.test(timestamp)) return { code: 'MissingParameter', message: 'X-TC-Timestamp is missing' };
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
    return { code: 'AuthFailure.SignatureExpire', message: `X-TC-Timestamp ${timestamp} is more than ${MAX_CLOCK_SKEW_SECONDS}s from the server time` };
  }
  const failure = (message: string) => ({ code: 'AuthFailure.SignatureFailure', message });
  if (auth.date !== new Date(Number(timestamp) * 1000).toISOString().slice(0, 10)) return failure(`credential date ${auth.date} is not the UTC date of X-TC-Timestamp`);
  if (auth.service !== service) return failure(`credential service ${auth.service} is not the addressed service ${service}`);
  for (const required of ['content-type', 'host']) {
    if (!auth.signedHeaders.includes(required)) return failure(`SignedHeaders must include ${required}`);
  }
  if (tc3Signature(input, auth, timestamp, secretKey) !== auth.signature) return failure('The provided credentials could not be validated. Please check your signature is correct.');
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The fake
// ---------------------------------------------------------------------------------------------------------------

/** One API call as the fake saw it. */
export interface ApiCall {
  readonly service: string;
  readonly action: string;
  readonly version: string;
  readonly region: string;
  /** The JSON body, parsed (`{}` when it is not JSON). */
  readonly params: Record<string, any>;
  /** The error code answered, if any. */
  readonly errorCode?: string;
}

export interface FakeRole {
  RoleId: string;
  RoleName: string;
  PolicyDocument: string;
  Description: string;
  AddTime: string;
  UpdateTime: string;
  ConsoleLogin: number;
  SessionDuration: number;
  RoleType: string;
  RoleArn: string;
  Tags: { Key: string; Value: string }[];
}

export interface FakePolicy {
  PolicyId: number;
  PolicyName: string;
  PolicyDocument: string;
  Description: string;
  AddTime: string;
  UpdateTime: string;
  Tags: { Key: string; Value: string }[];
}

export interface FakeCloudApiOptions {
  readonly ownerUin?: string;
  /** The caller's UIN; the owner's by default (a root account). */
  readonly uin?: string;
  readonly appId?: number;
}

export const FAKE_OWNER_UIN = '100000000001';
export const FAKE_APP_ID = 1250000000;

type Handler = (params: Record<string, any>) => Record<string, unknown>;

/** Beijing time as the CAM API writes it: `2006-01-02 15:04:05`. */
function camTime(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function invalid(code: string, message: string): ServiceError {
  return new ServiceError(200, code, message);
}

export class FakeCloudApi extends FakeServer {
  readonly roles = new Map<string, FakeRole>();
  readonly policies = new Map<number, FakePolicy>();
  /** Role id to the ids of its attached policies, with the time each was attached. */
  readonly attachments = new Map<string, Map<number, string>>();
  protected readonly requestIdHeader = 'X-TC-RequestId';

  readonly ownerUin: string;
  readonly uin: string;
  readonly appId: number;
  private nextRoleId = 4611686018427000001n;
  private nextPolicyId = 200000001;
  private readonly services: Record<string, { version: string; actions: Record<string, Handler> }>;

  constructor(options: FakeCloudApiOptions = {}) {
    super();
    this.ownerUin = options.ownerUin ?? FAKE_OWNER_UIN;
    this.uin = options.uin ?? this.ownerUin;
    this.appId = options.appId ?? FAKE_APP_ID;
    this.services = {
      cam: {
        version: '2019-01-16',
        actions: {
          GetUserAppId: () => ({ Uin: this.uin, OwnerUin: this.ownerUin, AppId: this.appId }),
          DescribeSubAccounts: (p) => this.describeSubAccounts(p),
          CreateRole: (p) => this.createRole(p),
          GetRole: (p) => ({ RoleInfo: this.role(p.RoleId, p.RoleName) }),
          DescribeRoleList: (p) => this.page([...this.roles.values()], p, 'TotalNum'),
          UpdateAssumeRolePolicy: (p) => this.updateAssumeRolePolicy(p),
          UpdateRoleDescription: (p) => this.updateRoleDescription(p),
          DeleteRole: (p) => this.deleteRole(p),
          CreatePolicy: (p) => this.createPolicy(p),
          GetPolicy: (p) => this.getPolicy(p),
          UpdatePolicy: (p) => this.updatePolicy(p),
          DeletePolicy: (p) => this.deletePolicy(p),
          AttachRolePolicy: (p) => this.attachRolePolicy(p),
          ListAttachedRolePolicies: (p) => this.listAttachedRolePolicies(p),
          DetachRolePolicy: (p) => this.detachRolePolicy(p),
        },
      },
      sts: {
        version: '2018-08-13',
        actions: {
          GetCallerIdentity: () => ({
            Arn: `qcs::cam::uin/${this.ownerUin}:uin/${this.uin}`, AccountId: this.ownerUin, UserId: this.uin, PrincipalId: this.uin,
            Type: this.uin === this.ownerUin ? 'RootAccount' : 'CAMUser',
          }),
        },
      },
      tag: {
        version: '2018-08-13',
        actions: { DescribeResourceTagsByResourceIds: (p) => this.describeResourceTags(p) },
      },
    };
  }

  /** Every request as an API call, in order, including refused ones. */
  get calls(): ApiCall[] {
    return this.requests.map((record) => {
      let params: Record<string, any> = {};
      try {
        params = JSON.parse(record.body || '{}');
      } catch {
        // recorded as {}; the call itself was refused
      }
      return {
        service: HOST_PATTERN.exec(String(record.headers.host ?? ''))?.[1] ?? '',
        action: header(record, 'x-tc-action'), version: header(record, 'x-tc-version'), region: record.region,
        params, errorCode: record.errorCode,
      };
    });
  }

  /** `service:Action` of every call, in order (refused ones too). */
  get actions(): string[] {
    return this.calls.map((call) => `${call.service}:${call.action}`);
  }

  protected locate(req: IncomingMessage, url: URL) {
    if (!HOST_PATTERN.test(req.headers.host ?? '')) return undefined;
    return { bucket: '', region: String(req.headers['x-tc-region'] ?? ''), path: url.pathname };
  }

  protected signatureProblem(record: RecordedRequest, req: IncomingMessage, url: URL): string | undefined {
    const problem = tc3Problem(
      { method: record.method, path: url.pathname, query: url.search.slice(1), headers: req.headers, body: Buffer.from(record.body, 'utf8') },
      HOST_PATTERN.exec(req.headers.host ?? '')![1], { [FAKE_SECRET_ID]: FAKE_SECRET_KEY }, Math.floor(Date.now() / 1000),
    );
    return problem && `${problem.code}: ${problem.message}`;
  }

  protected signatureError(problem: string): ServiceError {
    const at = problem.indexOf(': ');
    return invalid(problem.slice(0, at), problem.slice(at + 2));
  }

  protected writeError(_record: RecordedRequest, res: ServerResponse, e: ServiceError, requestId: string): void {
    res.writeHead(e.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ Response: { Error: { Code: e.code, Message: e.message }, RequestId: requestId } }));
  }

  protected route(record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    const service = HOST_PATTERN.exec(String(record.headers.host))![1];
    const action = header(record, 'x-tc-action');
    const version = header(record, 'x-tc-version');
    if (record.method !== 'POST') throw invalid('UnsupportedProtocol', `${record.method} is not faked; the provider only POSTs`);
    if (!action) throw invalid('MissingParameter', 'X-TC-Action is missing');
    const known = this.services[service];
    const handler = known && Object.prototype.hasOwnProperty.call(known.actions, action) ? known.actions[action] : undefined;
    if (!handler) throw invalid('InvalidAction', `The action ${action} of service ${service} does not exist (or is not faked).`);
    if (version !== known.version) throw invalid('NoSuchVersion', `The API version ${version} of ${service} does not exist; the fake knows ${known.version}.`);
    let params: Record<string, any>;
    try {
      params = JSON.parse(body.toString('utf8') || '{}');
    } catch {
      throw invalid('InvalidParameter', 'the request body is not JSON');
    }
    if (params === null || typeof params !== 'object' || Array.isArray(params)) throw invalid('InvalidParameter', 'the request body is not a JSON object');
    const answer = handler(params);
    const requestId = String(res.getHeader(this.requestIdHeader));
    this.ok(record, res, JSON.stringify({ Response: { ...answer, RequestId: requestId } }), { 'Content-Type': 'application/json' });
  }

  // --- cam: account -----------------------------------------------------------------------------------------------

  private describeSubAccounts(p: Record<string, any>) {
    if (!Array.isArray(p.FilterSubAccountUin)) throw invalid('InvalidParameter.ParamError', 'FilterSubAccountUin must be a list');
    // The caller is the root account by default: it has no sub-users to list.
    const subUsers = this.uin === this.ownerUin ? [] : [{ Uin: Number(this.uin), Name: 'fake-sub-user', Uid: 1, Remark: '', CreateTime: camTime(), UserType: 2, LastLoginIp: '', LastLoginTime: null }];
    return { SubAccounts: subUsers.filter((user) => p.FilterSubAccountUin.map(String).includes(String(user.Uin))) };
  }

  // --- cam: roles ---------------------------------------------------------------------------------------------------

  private role(roleId: unknown, roleName: unknown): FakeRole {
    if (roleId === undefined && roleName === undefined) throw invalid('InvalidParameter.ParamError', 'RoleId or RoleName is required');
    const role = roleId !== undefined
      ? this.roles.get(String(roleId))
      : [...this.roles.values()].find((r) => r.RoleName === roleName);
    if (!role) throw invalid('InvalidParameter.RoleNotExist', `role ${roleId ?? roleName} does not exist`);
    return role;
  }

  private createRole(p: Record<string, any>) {
    const name = requireString(p, 'RoleName');
    if (!NAME_PATTERN.test(name)) throw invalid('InvalidParameter.RoleNameError', `RoleName ${name} is not valid`);
    if ([...this.roles.values()].some((r) => r.RoleName === name)) throw invalid('InvalidParameter.RoleNameInUse', `role ${name} already exists`);
    const document = checkDocument(requireString(p, 'PolicyDocument'), 'trust');
    const roleId = String(this.nextRoleId++);
    const now = camTime();
    this.roles.set(roleId, {
      RoleId: roleId, RoleName: name, PolicyDocument: document, Description: optionalString(p, 'Description') ?? '', AddTime: now, UpdateTime: now,
      ConsoleLogin: p.ConsoleLogin === undefined ? 0 : Number(p.ConsoleLogin), SessionDuration: p.SessionDuration === undefined ? 43200 : Number(p.SessionDuration),
      RoleType: 'user', RoleArn: `qcs::cam::uin/${this.ownerUin}:roleName/${name}`, Tags: [],
    });
    return { RoleId: roleId };
  }

  private updateAssumeRolePolicy(p: Record<string, any>) {
    const role = this.role(p.RoleId, p.RoleName);
    role.PolicyDocument = checkDocument(requireString(p, 'PolicyDocument'), 'trust');
    role.UpdateTime = camTime();
    return {};
  }

  private updateRoleDescription(p: Record<string, any>) {
    const role = this.role(p.RoleId, p.RoleName);
    role.Description = requireString(p, 'Description');
    role.UpdateTime = camTime();
    return {};
  }

  private deleteRole(p: Record<string, any>) {
    const role = this.role(p.RoleId, p.RoleName);
    this.roles.delete(role.RoleId);
    this.attachments.delete(role.RoleId);
    return {};
  }

  // --- cam: policies ------------------------------------------------------------------------------------------------

  private policy(policyId: unknown, policyName?: unknown): FakePolicy {
    if (policyId === undefined && policyName === undefined) throw invalid('InvalidParameter.ParamError', 'PolicyId or PolicyName is required');
    if (policyId !== undefined && !/^\d+$/.test(String(policyId))) throw invalid('InvalidParameter.PolicyIdError', `PolicyId ${policyId} is not valid`);
    const policy = policyId !== undefined
      ? this.policies.get(Number(policyId))
      : [...this.policies.values()].find((q) => q.PolicyName === policyName);
    if (!policy) throw invalid('ResourceNotFound.PolicyIdNotFound', `policy ${policyId ?? policyName} does not exist`);
    return policy;
  }

  private createPolicy(p: Record<string, any>) {
    const name = requireString(p, 'PolicyName');
    if (!NAME_PATTERN.test(name)) throw invalid('InvalidParameter.PolicyNameError', `PolicyName ${name} is not valid`);
    if ([...this.policies.values()].some((q) => q.PolicyName === name)) throw invalid('FailedOperation.PolicyNameInUse', `policy ${name} already exists`);
    const document = checkDocument(requireString(p, 'PolicyDocument'), 'permission');
    const policyId = this.nextPolicyId++;
    const now = camTime();
    const tags = Array.isArray(p.Tags) ? p.Tags.map((t: any) => ({ Key: String(t.Key), Value: String(t.Value) })) : [];
    this.policies.set(policyId, { PolicyId: policyId, PolicyName: name, PolicyDocument: document, Description: optionalString(p, 'Description') ?? '', AddTime: now, UpdateTime: now, Tags: tags });
    return { PolicyId: policyId };
  }

  private getPolicy(p: Record<string, any>) {
    if (p.PolicyId === undefined) throw invalid('InvalidParameter.ParamError', 'PolicyId is required');
    const policy = this.policy(p.PolicyId);
    return {
      PolicyName: policy.PolicyName, Description: policy.Description, Type: 1, AddTime: policy.AddTime, UpdateTime: policy.UpdateTime,
      // As in the API reference's example: the stored document with every `/` written `\/`.
      PolicyDocument: policy.PolicyDocument.replace(/\//g, '\\/'),
      PresetAlias: '', IsServiceLinkedRolePolicy: 0, Tags: policy.Tags,
    };
  }

  private updatePolicy(p: Record<string, any>) {
    const policy = this.policy(p.PolicyId, p.PolicyName);
    const name = optionalString(p, 'PolicyName');
    if (p.PolicyId !== undefined && name !== undefined && name !== policy.PolicyName) {
      if (!NAME_PATTERN.test(name)) throw invalid('InvalidParameter.PolicyNameError', `PolicyName ${name} is not valid`);
      if ([...this.policies.values()].some((q) => q.PolicyName === name)) throw invalid('FailedOperation.PolicyNameInUse', `policy ${name} already exists`);
      policy.PolicyName = name;
    }
    const document = optionalString(p, 'PolicyDocument');
    if (document !== undefined) policy.PolicyDocument = checkDocument(document, 'permission');
    const description = optionalString(p, 'Description');
    if (description !== undefined) policy.Description = description;
    policy.UpdateTime = camTime();
    return { PolicyId: policy.PolicyId };
  }

  private deletePolicy(p: Record<string, any>) {
    if (!Array.isArray(p.PolicyId) || p.PolicyId.length === 0) throw invalid('InvalidParameter.ParamError', 'PolicyId must be a non-empty list');
    const policies = p.PolicyId.map((id: unknown) => this.policy(id));
    for (const policy of policies) {
      this.policies.delete(policy.PolicyId);
      for (const attached of this.attachments.values()) attached.delete(policy.PolicyId);
    }
    return {};
  }

  // --- cam: attachments ---------------------------------------------------------------------------------------------

  private attachRolePolicy(p: Record<string, any>) {
    const role = this.role(p.AttachRoleId, p.AttachRoleName);
    const policy = this.policyForAttachment(p);
    const attached = this.attachments.get(role.RoleId) ?? new Map<number, string>();
    if (!attached.has(policy.PolicyId)) attached.set(policy.PolicyId, camTime());
    this.attachments.set(role.RoleId, attached);
    return {};
  }

  private detachRolePolicy(p: Record<string, any>) {
    const role = this.role(p.DetachRoleId, p.DetachRoleName);
    const policy = this.policyForAttachment(p);
    this.attachments.get(role.RoleId)?.delete(policy.PolicyId);
    return {};
  }

  private policyForAttachment(p: Record<string, any>): FakePolicy {
    try {
      return this.policy(p.PolicyId, p.PolicyName);
    } catch (err) {
      if (err instanceof ServiceError && err.code === 'ResourceNotFound.PolicyIdNotFound') throw invalid('InvalidParameter.PolicyIdNotExist', err.message);
      throw err;
    }
  }

  private listAttachedRolePolicies(p: Record<string, any>) {
    const role = this.role(p.RoleId, p.RoleName);
    const list = [...(this.attachments.get(role.RoleId) ?? new Map<number, string>())].map(([policyId, addTime]) => {
      const policy = this.policies.get(policyId)!;
      return { PolicyId: policyId, PolicyName: policy.PolicyName, AddTime: addTime, PolicyType: 'User', CreateMode: 2, Deactived: 0, DeactivedDetail: [], Description: policy.Description };
    }).filter((entry) => p.PolicyType === undefined || p.PolicyType === entry.PolicyType);
    return this.page(list, p, 'TotalNum');
  }

  // --- tag ----------------------------------------------------------------------------------------------------------

  private describeResourceTags(p: Record<string, any>) {
    const ids: string[] = Array.isArray(p.ResourceIds) ? p.ResourceIds.map(String) : [];
    const tags = p.ServiceType === 'cam' && p.ResourcePrefix === 'role'
      ? ids.flatMap((id) => (this.roles.get(id)?.Tags ?? []).map((t) => ({ ServiceType: 'cam', TagKey: t.Key, TagValue: t.Value, ResourceId: id })))
      : [];
    const offset = Number(p.Offset ?? 0);
    const limit = Number(p.Limit ?? 15);
    return { TotalCount: tags.length, Offset: offset, Limit: limit, Tags: tags.slice(offset, offset + limit) };
  }

  /** `Page` (from 1) and `Rp` of a list, as the CAM list actions take them. */
  private page<T>(items: T[], p: Record<string, any>, totalField: string) {
    for (const field of ['Page', 'Rp']) {
      if (!/^\d+$/.test(String(p[field] ?? '')) || Number(p[field]) < 1) throw invalid('InvalidParameter.ParamError', `${field} must be a positive integer`);
    }
    const start = (Number(p.Page) - 1) * Number(p.Rp);
    return { List: items.slice(start, start + Number(p.Rp)), [totalField]: items.length };
  }
}

function header(record: RecordedRequest, name: string): string {
  const value = record.headers[name];
  return Array.isArray(value) ? value.join(',') : value ?? '';
}

function requireString(p: Record<string, any>, field: string): string {
  if (typeof p[field] !== 'string' || p[field] === '') throw invalid('InvalidParameter.ParamError', `${field} is required`);
  return p[field];
}

function optionalString(p: Record<string, any>, field: string): string | undefined {
  if (p[field] === undefined) return undefined;
  if (typeof p[field] !== 'string') throw invalid('InvalidParameter.ParamError', `${field} must be a string`);
  return p[field];
}

/**
 * Checks a policy document against the CAM syntax (element names in lowercase, as the syntax reference writes them)
 * and returns it stored as CAM keeps it: compact JSON, key order as given.
 */
function checkDocument(text: string, kind: 'trust' | 'permission'): string {
  let document: any;
  try {
    document = JSON.parse(text);
  } catch {
    throw invalid(kind === 'permission' ? 'InvalidParameter.PolicyDocumentError' : 'InvalidParameter.StatementError', 'the policy document is not JSON');
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) throw invalid('InvalidParameter.StatementError', 'the policy document is not a JSON object');
  if (document.version !== '2.0') throw invalid('InvalidParameter.VersionError', 'version must be "2.0"');
  const statements = Array.isArray(document.statement) ? document.statement : [document.statement];
  if (statements.length === 0 || statements.some((s: unknown) => s === null || typeof s !== 'object')) throw invalid('InvalidParameter.StatementError', 'statement is missing or empty');
  for (const statement of statements) {
    if (!['allow', 'deny'].includes(String(statement.effect).toLowerCase())) throw invalid('InvalidParameter.EffectError', 'effect must be allow or deny');
    if (statement.action === undefined || (Array.isArray(statement.action) && statement.action.length === 0)) throw invalid('InvalidParameter.ActionMiss', 'action is missing');
    if (kind === 'trust' && (statement.principal === undefined || typeof statement.principal !== 'object')) throw invalid('InvalidParameter.PrincipalError', 'a trust policy statement needs a principal');
    if (kind === 'permission' && statement.resource === undefined) throw invalid('InvalidParameter.ResourceError', 'resource is missing');
  }
  return JSON.stringify(document);
}
