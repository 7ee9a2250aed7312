/**
 * The one IPC contract: every channel with its request and response schema.
 * Types are inferred from this object; the Electron binding, the loopback host,
 * the CLI and the renderer's client all derive from it.
 */
import { z } from 'zod';
import {
  ArticleContentSchema,
  ArticleIdSchema,
  ArticleKindSchema,
  ArticleSchema,
  ArticleSummarySchema,
} from '../model/article';
import { IssueContentSchema, IssueIdSchema, IssueSchema } from '../model/issue';
import { SettingsPatchSchema, SettingsSchema } from '../model/settings';
import { StatusSchema } from '../model/status';
import { ParsedCopySchema } from '../model/parsedCopy';
import { SyncStatusSchema } from './events';

const Empty = z.object({}).strict();
const Revision = z.number().int().min(1);

export const QuarantinedFileSchema = z.object({
  file: z.string(),
  reason: z.string(),
  at: z.string(),
});

export const StoreHealthSchema = z.object({
  articleCount: z.number().int(),
  quarantined: z.array(QuarantinedFileSchema),
});

export const SearchHitSchema = z.object({
  id: ArticleIdSchema,
  kicker: z.string(),
  headline: z.string(),
  status: StatusSchema,
  updatedAt: z.string(),
  /** A stretch of the matching field around the first match, for highlighting. */
  snippet: z.string(),
  field: z.enum(['kicker', 'headline', 'subheadline', 'body']),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const RevisionMetaSchema = z.object({
  revision: z.number().int(),
  status: StatusSchema,
  updatedAt: z.string(),
  updatedBy: z.string(),
  milestone: z.boolean(),
});

export const ArticleListQuerySchema = z
  .object({
    status: z.array(StatusSchema).max(6).optional(),
    includeSpiked: z.boolean().optional(),
    /** Only stories whose credits need attention. */
    creditProblems: z.boolean().optional(),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}

/** Hub settings as the settings screen sends them; the password is optional (kept if omitted). */
const HubSettingsSchema = z
  .object({
    hubUrl: z.string().max(500),
    hubUser: z.string().max(64),
    password: z.string().max(500).optional(),
  })
  .strict();

export const contract = {
  'app.info': channel(Empty, z.object({ version: z.string(), dataDir: z.string(), health: StoreHealthSchema })),
  'articles.list': channel(
    ArticleListQuerySchema,
    z.object({ total: z.number().int(), items: z.array(ArticleSummarySchema) }),
  ),
  'articles.get': channel(z.object({ id: ArticleIdSchema }).strict(), ArticleSchema),
  'articles.create': channel(
    z.object({ kind: ArticleKindSchema, content: ArticleContentSchema.partial().optional() }).strict(),
    ArticleSchema,
  ),
  /** A save names the revision it was based on; a stale one is refused with `conflict`. */
  'articles.save': channel(
    z.object({ id: ArticleIdSchema, baseRevision: Revision, content: ArticleContentSchema }).strict(),
    ArticleSchema,
  ),
  'articles.spike': channel(z.object({ id: ArticleIdSchema, baseRevision: Revision }).strict(), ArticleSchema),
  'articles.restore': channel(z.object({ id: ArticleIdSchema, baseRevision: Revision }).strict(), ArticleSchema),
  /** A workflow move (submit, edit, approve, return, place); the role comes from settings and is checked in main. */
  'articles.transition': channel(
    z
      .object({
        id: ArticleIdSchema,
        baseRevision: Revision,
        to: StatusSchema.exclude(['spiked']),
        /** Why a story is returned; kept in the desk note. */
        note: z.string().max(2000).optional(),
      })
      .strict(),
    ArticleSchema,
  ),
  /** Full-text search in headline fields and body: any run of 2+ characters finds the story. */
  'search.query': channel(
    z.object({ q: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    z.object({ total: z.number().int(), hits: z.array(SearchHitSchema) }),
  ),
  /** Copies a picked or dropped image into the data folder; returns its asset name. */
  'assets.import': channel(
    z.object({ fileName: z.string().min(1).max(255), dataBase64: z.string().min(1).max(70_000_000) }).strict(),
    z.object({ asset: z.string() }),
  ),
  /** Saved revisions of a story, newest first. */
  'revisions.list': channel(z.object({ id: ArticleIdSchema }).strict(), z.array(RevisionMetaSchema)),
  'revisions.get': channel(z.object({ id: ArticleIdSchema, revision: Revision }).strict(), ArticleSchema),
  /** Restores an old revision's content as a new revision (status stays as it is). */
  'revisions.restore': channel(
    z.object({ id: ArticleIdSchema, revision: Revision, baseRevision: Revision }).strict(),
    ArticleSchema,
  ),
  /** Raw copy as plain text -> the structure the copy desk works with. */
  'copy.parse': channel(z.object({ text: z.string().max(2_000_000) }).strict(), ParsedCopySchema),
  /** Parses raw copy and stores it as a new draft. */
  'copy.import': channel(z.object({ text: z.string().min(1).max(2_000_000) }).strict(), ArticleSchema),
  'issues.list': channel(Empty, z.array(IssueSchema.pick({ id: true, date: true, number: true, revision: true }))),
  'issues.get': channel(z.object({ id: IssueIdSchema }).strict(), IssueSchema),
  'issues.create': channel(IssueContentSchema.strict(), IssueSchema),
  'issues.save': channel(
    z.object({ id: IssueIdSchema, baseRevision: Revision, content: IssueContentSchema }).strict(),
    IssueSchema,
  ),
  'settings.get': channel(Empty, SettingsSchema),
  'settings.update': channel(SettingsPatchSchema.strict(), SettingsSchema),
  'store.health': channel(Empty, StoreHealthSchema),
  /** Loads the sample issue built from the fixture stories; only into an empty store. */
  'sample.load': channel(Empty, z.object({ issueId: IssueIdSchema, articleIds: z.array(ArticleIdSchema) })),
  // Newsroom sync (issue 14): status, hub settings with 测试连接, and settling a sync conflict.
  'sync.status': channel(Empty, SyncStatusSchema),
  /** Saves hub URL and user (password to the OS secret store, not settings) and (re)starts sync; empty URL turns it off. */
  'sync.configure': channel(HubSettingsSchema, SyncStatusSchema),
  'sync.test': channel(HubSettingsSchema, z.object({ ok: z.boolean(), message: z.string() })),
  /** The leaves of a story in conflict, with the last synced version as the merge base. */
  'sync.conflict': channel(
    z.object({ id: ArticleIdSchema }).strict(),
    z.object({
      current: ArticleSchema,
      base: ArticleContentSchema.nullable(),
      others: z.array(
        z.object({ rev: z.string(), content: ArticleContentSchema, updatedBy: z.string(), updatedAt: z.string() }),
      ),
    }),
  ),
  /** Writes the merged story and retires the other leaves in one step (pushed as one _bulk_docs). */
  'sync.resolve': channel(
    z.object({ id: ArticleIdSchema, baseRevision: Revision, content: ArticleContentSchema }).strict(),
    ArticleSchema,
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** What a handler receives after validation (defaults filled). */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
