/** The user's settings: who they are, their desk role and where the data lives. */
import { z } from 'zod';
import { BROADSHEET_GEOMETRY, PageGeometrySchema } from './pageGeometry';
import { RoleSchema } from './status';

export const WindowStateSchema = z.object({
  width: z.number().int().min(400).max(10_000),
  height: z.number().int().min(300).max(10_000),
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  maximized: z.boolean(),
});

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
});
export type Settings = z.infer<typeof SettingsSchema>;
export const SettingsPatchSchema = SettingsSchema.partial();
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
};

/** Whether this user's editor starts in suggestion mode. */
export function suggestsByDefault(settings: Pick<Settings, 'role' | 'suggestModeRoles'>): boolean {
  return settings.suggestModeRoles.includes(settings.role);
}
