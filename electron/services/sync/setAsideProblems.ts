/** What is wrong with a pulled revision that cannot be read here, as data (shared/rules/sync/schemaProblems.ts). */
import { IssueBodySchema } from '../../../shared/model/issueSyncFields';
import { LeafBodySchema } from '../../../shared/model/syncFields';
import { schemaProblemsOf, type SchemaProblem } from '../../../shared/rules/sync/schemaProblems';
import { isIssueId } from './issueReplication';

/** The problems of a story or plan revision as it arrived: the schema's, else an id that is not the document's. */
export function setAsideProblems(id: string, doc: unknown): SchemaProblem[] {
  const parsed = (isIssueId(id) ? IssueBodySchema : LeafBodySchema).safeParse(doc);
  if (!parsed.success) return schemaProblemsOf(parsed.error, doc);
  return parsed.data.id !== id ? [{ path: ['id'], kind: 'id_mismatch' }] : [];
}
