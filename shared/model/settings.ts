/** The user's settings: who they are, their desk role and where the data lives. */
import { z } from 'zod';
import { BROADSHEET_GEOMETRY, PageGeometrySchema } from './pageGeometry';
import { RoleSchema, type UserRole } from './status';

export const WindowStateSchema = z.object({
  width: z.number().int().min(400).max(10_000),
  height: z.number().int().min(300).max(10_000),
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  maximized: z.boolean(),
});

export const HubIdentitySchema = z.object({
  hubUrl: z.string().max(500),
  hubUser: z.string().max(64),
  name: z.string().min(1).max(64),
  role: RoleSchema,
});
export type HubIdentity = z.infer<typeof HubIdentitySchema>;

export const SettingsSchema = z.object({
  userName: z.string().trim().min(1).max(40),
  role: RoleSchema,
  /** Absolute path of the data folder; empty means the app's default. */
  dataDir: z.string().max(1000),
  /** The paper's own name as it appears in bylines (株洲日报). */
  paperName: z.string().trim().min(1).max(40),
  language: z.enum(['zh-CN', 'en']),
  windowState: WindowStateSchema.nullable(),
  lastIssueId: z.string().max(40).nullable(),
  /** Page plan: the paper's page geometry (对开 broadsheet by default). */
  pageGeometry: PageGeometrySchema,
  /**
   * Export: how far a story may run over its slot, in 字; the gate counts the layout's lines, so it allows
   * the whole lines these fill (20 字 at 12 a line: one line), which the proof then sets tighter to fit.
   */
  exportOversetTolerance: z.number().int().min(0).max(10_000),
  /** Roles whose editor opens in suggestion mode (留痕); the toggle still switches it per story. */
  suggestModeRoles: z.array(RoleSchema).max(10),
  /** The newsroom hub's database URL; empty means sync is off. Never holds a password. */
  hubUrl: z
    .string()
    .max(500)
    .refine(
      (s) => s === '' || (/^https?:\/\//.test(s) && !/\/\/[^/]*@/.test(s)),
      'hub URL must be http(s) without credentials',
    ),
  hubUser: z.string().max(64),
  /**
   * Who the hub says this user is (its `_session`), remembered for offline work. It counts only
   * for the hub and user it was read from; the app never takes it from a settings patch.
   */
  hubIdentity: HubIdentitySchema.nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;
/** What a person may change in settings: the hub's word on who they are is not among it. */
export const SettingsPatchSchema = SettingsSchema.omit({ hubIdentity: true }).partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  userName: '编辑',
  role: 'reporter',
  dataDir: '',
  paperName: '株洲日报',
  language: 'zh-CN',
  windowState: null,
  lastIssueId: null,
  pageGeometry: BROADSHEET_GEOMETRY,
  exportOversetTolerance: 20,
  suggestModeRoles: ['copy-editor'],
  hubUrl: '',
  hubUser: '',
  hubIdentity: null,
};

/** Who is at this desk, for every check and every `updatedBy`. */
export interface DeskIdentity {
  name: string;
  role: UserRole;
  /** Whether the name and role are the hub's (read-only in settings) rather than chosen here. */
  fromHub: boolean;
}

/**
 * With a hub and a hub account configured, the name and role are the hub session's, as last read;
 * until the desk has reached the hub once, the hub user name with the least role that writes (a
 * reporter's). Without a hub account, the name and role chosen in settings, as always.
 */
export function deskIdentity(
  s: Pick<Settings, 'userName' | 'role' | 'hubUrl' | 'hubUser' | 'hubIdentity'>,
): DeskIdentity {
  // A hub without accounts (CouchDB's "admin party", for trying sync out) identifies nobody.
  if (!s.hubUrl || !s.hubUser) return { name: s.userName, role: s.role, fromHub: false };
  const known = s.hubIdentity;
  if (known && known.hubUrl === s.hubUrl && known.hubUser === s.hubUser) {
    return { name: known.name, role: known.role, fromHub: true };
  }
  return { name: s.hubUser || s.userName, role: 'reporter', fromHub: true };
}

/** Whether this user's editor starts in suggestion mode. */
export function suggestsByDefault(settings: Settings): boolean {
  return settings.suggestModeRoles.includes(deskIdentity(settings).role);
}
