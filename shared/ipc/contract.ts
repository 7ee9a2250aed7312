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
import {
  IssueContentSchema,
  IssueDateSchema,
  IssueIdSchema,
  IssueSchema,
  PageSchema,
  SlotSchema,
} from '../model/issue';
import { FlatplanRowSchema } from '../model/flatplan';
import { SlotEditSchema } from '../model/slotEdit';
import { SettingsPatchSchema, SettingsSchema } from '../model/settings';
import { StatusSchema } from '../model/status';
import { CopyPreviewSchema } from '../model/parsedCopy';
import { QuarantinedFileSchema } from '../model/quarantinedFile';
import { RevisionMetaSchema } from '../model/revisionMeta';
import { ExportRequestSchema, ExportResultSchema } from '../export/exportRequest';
import { findUnsafeInValue } from '../rules/unsafeText';
import { SyncStatusSchema } from './events';
import { StoryLintMemorySchema, StylebookEntrySchema, StylebookSchema } from '../model/stylebook';
import { SchemaProblemSchema } from '../rules/sync/schemaProblems';
import { PageLayoutSchema } from '../rules/pageplan/pageLayouts';

const Empty = z.object({}).strict();
const Revision = z.number().int().min(1);
const PageLabel = PageSchema.shape.label;
const SlotId = SlotSchema.shape.id;
const SlotRef = z.object({ page: PageLabel, slotId: SlotId }).strict();

export const StoreHealthSchema = z.object({
  articleCount: z.number().int(),
  quarantined: z.array(QuarantinedFileSchema),
});

/** Whether the process serving this window may write the store; read-only names the reason as an error code. */
export const StoreAccessSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('writable') }),
  z.object({ mode: z.literal('read-only'), code: z.enum(['read_only', 'disk_full']), message: z.string() }),
]);
export type StoreAccessStatus = z.infer<typeof StoreAccessSchema>;

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

/** Desk columns the list can be sorted by; 'updated' (newest first) when none is given. */
export const LIST_SORTS = ['updated', 'status', 'kind', 'headline', 'page', 'byline', 'chars'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const ArticleListQuerySchema = z
  .object({
    status: z.array(StatusSchema).max(6).optional(),
    includeSpiked: z.boolean().optional(),
    /** Only stories whose credits need attention. */
    creditProblems: z.boolean().optional(),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
    /** Desk at scale: stories last changed in [updatedFrom, updatedTo), ISO instants the desk computes for today, yesterday, this week or a date. */
    updatedFrom: z.iso.datetime().optional(),
    updatedTo: z.iso.datetime().optional(),
    /** Only stories placed in the issue of this date. */
    issueDate: z.iso.date().optional(),
    /** Only stories on this page; '-' for stories not yet placed. */
    page: z.string().min(1).max(10).optional(),
    /** Only stories with this person in a byline or correspondent credit, or as the last editor. */
    person: z.string().min(1).max(100).optional(),
    sort: z.enum(LIST_SORTS).optional(),
    /** Turns the column's natural order around (e.g. oldest first). */
    reverse: z.boolean().optional(),
  })
  .strict();

/**
 * Text that would reach the store carries no control characters (shared/rules/unsafeText.ts): refused with
 * the field's path and the code point, never the character itself, which would garble the message.
 */
function refuseUnsafeText<Req extends z.ZodType>(request: Req): Req {
  return request.superRefine((value, ctx) => {
    const found = findUnsafeInValue(value);
    if (found)
      ctx.addIssue({
        code: 'custom',
        path: found.path,
        message: `含有不允许的控制字符 ${found.char.codePoint}（第 ${found.char.index + 1} 个字符）`,
      });
  });
}

function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request: refuseUnsafeText(request), response };
}

/** Raw copy comes from outside as it is: its channels remove control characters and say so instead of refusing. */
function rawTextChannel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}

/** Hub settings as the settings screen sends them; the password is optional (kept if omitted). */
const HubSettingsSchema = z
  .object({
    hubUrl: SettingsSchema.shape.hubUrl,
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
    z
      .object({
        id: ArticleIdSchema,
        baseRevision: Revision,
        content: ArticleContentSchema,
        /** Set after the person confirmed: the story was deleted on the hub and this save restores it. */
        restoreDeleted: z.boolean().optional(),
      })
      .strict(),
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
    z.object({
      total: z.number().int(),
      hits: z.array(SearchHitSchema),
      /** Stories not searchable yet while the index catches up (after a bulk import); absent when none. */
      pending: z.number().int().min(0).optional(),
    }),
  ),
  /** Copies a picked or dropped image into the data folder; returns its asset name. */
  'assets.import': channel(
    z.object({ fileName: z.string().min(1).max(255), dataBase64: z.string().min(1).max(70_000_000) }).strict(),
    z.object({ asset: z.string() }),
  ),
  /** Saved revisions of a story, newest first. */
  'revisions.list': channel(z.object({ id: ArticleIdSchema }).strict(), z.array(RevisionMetaSchema)),
  'revisions.get': channel(z.object({ id: ArticleIdSchema, revision: Revision }).strict(), ArticleSchema),
  /**
   * The person left the story (closed its screen) after saving this revision: it ends a sitting, so the
   * next save starts a new revision group. Only the person's own save is marked (`marked: false` otherwise).
   */
  'revisions.markSitting': channel(
    z.object({ id: ArticleIdSchema, revision: Revision }).strict(),
    z.object({ marked: z.boolean() }),
  ),
  /** Restores an old revision's content as a new revision (status stays as it is). */
  'revisions.restore': channel(
    z.object({ id: ArticleIdSchema, revision: Revision, baseRevision: Revision }).strict(),
    ArticleSchema,
  ),
  /** Raw copy as plain text -> the structure the copy desk works with. */
  'copy.parse': rawTextChannel(z.object({ text: z.string().max(2_000_000) }).strict(), CopyPreviewSchema),
  /** Parses raw copy and stores it as a new draft. */
  'copy.import': rawTextChannel(z.object({ text: z.string().min(1).max(2_000_000) }).strict(), ArticleSchema),
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
  // Desk at scale: filter menus over every story; many raw-copy files imported with progress and cancel.
  'articles.facets': channel(
    Empty,
    z.object({ pages: z.array(z.string()), people: z.array(z.string()), issueDates: z.array(z.string()) }),
  ),
  /** Imports each file as a draft, one whole story at a time; progress arrives as `import.progress` events. */
  'copy.importMany': rawTextChannel(
    z
      .object({
        batchId: z.string().min(1).max(64),
        files: z
          .array(z.object({ name: z.string().max(255), text: z.string().max(2_000_000) }).strict())
          .min(1)
          .max(5000),
      })
      .strict(),
    z.object({
      ids: z.array(ArticleIdSchema),
      cancelled: z.boolean(),
      failed: z.array(z.object({ name: z.string(), message: z.string() })),
      /** Files that held control characters, removed before parsing (absent when none did). */
      cleaned: z
        .array(z.object({ name: z.string(), removed: z.number().int(), codePoints: z.array(z.string()) }))
        .optional(),
    }),
  ),
  /** Stops a running import after the file it is on; `cancelled` is false when it had already finished. */
  'copy.importCancel': channel(
    z.object({ batchId: z.string().min(1).max(64) }).strict(),
    z.object({ cancelled: z.boolean() }),
  ),
  // Page plan (版面): issues, placing stories, the flatplan and page templates.
  /** A new day's issue: 期号 proposed as the previous + 1; pages copied from a date, a template, or the last issue. */
  'pageplan.createIssue': channel(
    z
      .object({
        date: IssueDateSchema,
        number: z.number().int().min(1).max(1_000_000).optional(),
        from: IssueDateSchema.optional(),
        template: z.string().min(1).max(40).optional(),
      })
      .strict(),
    IssueSchema,
  ),
  /** Places a story in an empty slot; `jump` adds its second part (转版) on another page. */
  'pageplan.place': channel(
    z
      .object({
        articleId: ArticleIdSchema,
        date: IssueDateSchema,
        page: PageLabel,
        slotId: SlotId,
        jump: z.boolean().optional(),
        baseRevision: Revision.optional(),
      })
      .strict(),
    IssueSchema,
  ),
  'pageplan.unplace': channel(
    z.object({ articleId: ArticleIdSchema, baseRevision: Revision.optional() }).strict(),
    IssueSchema,
  ),
  /** Moves the story in one slot to another; a story in the target swaps places with it. */
  'pageplan.move': channel(
    z.object({ date: IssueDateSchema, from: SlotRef, to: SlotRef, baseRevision: Revision.optional() }).strict(),
    IssueSchema,
  ),
  /** Moves a slot within its page's reading order. */
  'pageplan.reorder': channel(
    z
      .object({
        date: IssueDateSchema,
        page: PageLabel,
        slotId: SlotId,
        index: z.number().int().min(0).max(40),
        baseRevision: Revision.optional(),
      })
      .strict(),
    IssueSchema,
  ),
  /** Shapes a page: draws, moves, resizes, splits, merges or deletes a slot, types its target, or continues a story. */
  'pageplan.shape': channel(
    z.object({ date: IssueDateSchema, edit: SlotEditSchema, baseRevision: Revision.optional() }).strict(),
    IssueSchema,
  ),
  'pageplan.flatplan': channel(
    z.object({ date: IssueDateSchema }).strict(),
    z.object({ issue: IssueSchema, rows: z.array(FlatplanRowSchema) }),
  ),
  /**
   * Keeps the fits the app measured on its live proof (or in the background for the flatplan) for the plan
   * revision and story revisions it laid out; fits for an older version are dropped, not stored.
   */
  'pageplan.recordFits': channel(
    z
      .object({
        date: IssueDateSchema,
        planRevision: Revision,
        fits: z
          .array(
            z
              .object({
                page: PageLabel,
                slotId: SlotId,
                articleId: ArticleIdSchema,
                articleRevision: Revision,
                capacityLines: z.number().int().min(0).max(100_000),
                usedLines: z.number().int().min(0).max(100_000),
                oversetLines: z.number().int().min(0).max(100_000),
                looseOversetLines: z.number().int().min(0).max(100_000),
                tightened: z.boolean(),
              })
              .strict(),
          )
          .max(400),
      })
      .strict(),
    z.object({ recorded: z.number().int() }),
  ),
  'pageplan.templates': channel(Empty, z.array(z.string())),
  /** Saves a day's pages (without stories) as a named template. */
  'pageplan.saveTemplate': channel(
    z.object({ name: z.string().min(1).max(40), date: IssueDateSchema }).strict(),
    z.object({ name: z.string() }),
  ),
  /** Saved one-page layouts (版式模板) by name, whole, so the flatplan checks one against a page before applying. */
  'pageplan.pageTemplates': channel(Empty, z.array(z.object({ name: z.string(), layout: PageLayoutSchema }))),
  /** Saves one page's slots (geometry, targets, kinds, masthead band; no stories) as a named layout. */
  'pageplan.savePageTemplate': channel(
    z.object({ name: z.string().min(1).max(40), date: IssueDateSchema, page: PageLabel }).strict(),
    z.object({ name: z.string() }),
  ),
  /** Replaces the slots of a page with no story placed by a saved layout's, through the plan rules. */
  'pageplan.applyPageTemplate': channel(
    z
      .object({
        name: z.string().min(1).max(40),
        date: IssueDateSchema,
        page: PageLabel,
        baseRevision: Revision.optional(),
      })
      .strict(),
    IssueSchema,
  ),
  // Export: the finished issue as one package; progress arrives as export.progress events.
  /** Refuses with every gate problem listed unless forced; otherwise writes the zip and says where. */
  'export.issue': channel(ExportRequestSchema, ExportResultSchema),
  // Newsroom sync: status, hub settings with 测试连接, and settling a sync conflict.
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
  /**
   * What the hub would not take and what this desk could not read: stories refused (each marked
   * 被拒 with the hub's reason until it passes or is discarded) and pulled revisions kept aside.
   */
  'sync.problems': channel(
    Empty,
    z.object({
      refused: z.array(z.object({ id: z.string(), reason: z.string(), error: z.string() })),
      setAside: z.array(
        z.object({
          id: z.string(),
          rev: z.string(),
          reason: z.string(),
          problems: z.array(SchemaProblemSchema).optional(),
        }),
      ),
    }),
  ),
  /** Stories deleted on the hub (every leaf a tombstone), with who deleted them and when; newest first. */
  'sync.deleted': channel(
    Empty,
    z.array(
      z.object({
        id: ArticleIdSchema,
        kind: ArticleKindSchema,
        headline: z.string(),
        status: StatusSchema,
        revision: Revision,
        deletedBy: z.string(),
        deletedAt: z.string(),
      }),
    ),
  ),
  /** A day's plan and the other plans of that day another layout desk made at the same time (empty: no conflict). */
  'sync.planConflict': channel(
    z.object({ date: IssueDateSchema }).strict(),
    z.object({
      current: IssueSchema.extend({ rev: z.string() }),
      others: z.array(IssueSchema.extend({ rev: z.string() })),
    }),
  ),
  /** Keeps one of the day's conflicting plans (by its revision) and retires the others everywhere. */
  'sync.resolvePlan': channel(z.object({ date: IssueDateSchema, keep: z.string() }).strict(), IssueSchema),
  /** 放弃本机修改: a refused story takes the hub's version again (the local one stays in its history). */
  'sync.discard': channel(z.object({ id: ArticleIdSchema }).strict(), ArticleSchema),
  /** Writes the merged story and retires the other leaves in one step (pushed as one _bulk_docs). */
  'sync.resolve': channel(
    z.object({ id: ArticleIdSchema, baseRevision: Revision, content: ArticleContentSchema }).strict(),
    ArticleSchema,
  ),
  // Read-only start: whether this window may save, and why not, for the banner shown from start-up.
  /** Asked at start-up; a store opened read-only (owner unreachable, disk full) says which and why. */
  'store.access': channel(Empty, StoreAccessSchema),
  /** The paper's style book (本报用语规范), as every desk's check panel applies it. */
  'stylebook.get': channel(Empty, StylebookSchema),
  /** Replaces the whole book (settings, CSV import); only the chief editor's desk may (the hub enforces it too). */
  'stylebook.save': channel(
    z
      .object({
        entries: StylebookSchema.shape.entries,
        keep: StylebookSchema.shape.keep,
      })
      .strict(),
    StylebookSchema,
  ),
  /** What this desk remembers for one story's checks: dismissed findings and words kept as written. */
  'lint.memory': channel(z.object({ id: ArticleIdSchema }).strict(), StoryLintMemorySchema),
  'lint.dismiss': channel(
    z.object({ id: ArticleIdSchema, key: z.string().min(1).max(400) }).strict(),
    StoryLintMemorySchema,
  ),
  'lint.keep': channel(
    z.object({ id: ArticleIdSchema, word: StylebookEntrySchema.shape.wrong }).strict(),
    StoryLintMemorySchema,
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
