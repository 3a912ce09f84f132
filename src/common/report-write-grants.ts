// How a destination's bucket policy lets COS write reports: one resource per source report path while the policy
// fits the budget, fewer and wider ones when it does not. Free of cdktf, so it is measured and tested on its own.
import { sourceReportPath } from '../contract/names';

/** One source whose reports a destination accepts. */
export interface ReportSourceGrant {
  readonly reportPrefix: string;
  readonly appId: string;
  readonly shortName: string;
}

/** How wide each report-write resource is, narrowest first. */
export enum ReportGrantScope {
  /** `<prefix>/<source appid>/<source name>/*`: only where that one source's reports land. */
  SOURCE = 'source',
  /** `<prefix>/<source appid>/*`: every source of one account under one prefix. */
  ACCOUNT = 'account',
  /** `<prefix>/*`: everything under one report prefix. */
  PREFIX = 'prefix',
}

export const REPORT_GRANT_SCOPES: readonly ReportGrantScope[] = [ReportGrantScope.SOURCE, ReportGrantScope.ACCOUNT, ReportGrantScope.PREFIX];

/** The distinct paths (without `/*`) the grants need at a scope, in the order the grants were made. */
export function reportGrantPaths(grants: readonly ReportSourceGrant[], scope: ReportGrantScope): string[] {
  const paths = grants.map((grant) => {
    if (scope === ReportGrantScope.SOURCE) return sourceReportPath(grant.reportPrefix, grant);
    if (scope === ReportGrantScope.ACCOUNT) return `${grant.reportPrefix}/${grant.appId}`;
    return grant.reportPrefix;
  });
  return [...new Set(paths)];
}

/**
 * Splits resources, in order, into as few groups as fit one statement each: `statementFor` renders the statement
 * of a group, which must stay within `maxStatementBytes` (CAM and COS refuse a longer statement).
 */
export function packResourceGroups(resources: readonly string[], statementFor: (group: string[]) => unknown, maxStatementBytes: number): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  for (const resource of resources) {
    const grown = [...group, resource];
    if (group.length > 0 && Buffer.byteLength(JSON.stringify(statementFor(grown))) > maxStatementBytes) {
      groups.push(group);
      group = [resource];
    } else {
      group = grown;
    }
  }
  if (group.length > 0) groups.push(group);
  return groups;
}
