/**
 * Keyboard commands that act on the page (manifest `commands`; readers rebind them in
 * chrome://extensions/shortcuts or Firefox's "Manage Extension Shortcuts"): toggle the highlights,
 * and jump to the next / previous mark — of any category (with suggested keys) or of one (no
 * suggested key: Chrome allows four, and "save-selection" has one; bind them yourself).
 *
 * The background calls runPageCommand for a pressed shortcut, and for 'glossa:run-command' from
 * an extension page (end-to-end tests: shortcuts cannot be pressed from automation) — the same
 * function either way.
 */
import type { PaintedType } from './entities';
import type { CommandResult, JumpDirection, Message, MessageType, Response } from './messages';

export type PageCommand =
  | { kind: 'toggle' }
  | { kind: 'jump'; direction: JumpDirection; only?: PaintedType };

interface CommandSpec {
  description: string;
  /** Chrome: at most four commands may suggest keys. */
  key?: string;
  action: PageCommand;
}

const JUMPS: Array<[PaintedType, string, string]> = [
  ['PER', 'person', 'person'],
  ['LOC', 'place', 'place'],
  ['TREATY', 'treaty', 'treaty term'],
];

export const PAGE_COMMANDS: Readonly<Record<string, CommandSpec>> = {
  'toggle-highlights': {
    description: 'Turn Glossa highlights on or off on this page',
    key: 'Alt+Shift+H',
    action: { kind: 'toggle' },
  },
  'next-mark': {
    description: 'Go to the next highlighted name or term',
    key: 'Alt+Shift+J',
    action: { kind: 'jump', direction: 'next' },
  },
  'previous-mark': {
    description: 'Go to the previous highlighted name or term',
    key: 'Alt+Shift+K',
    action: { kind: 'jump', direction: 'previous' },
  },
  ...Object.fromEntries(
    JUMPS.flatMap(([type, slug, label]) => [
      [
        `next-${slug}`,
        {
          description: `Go to the next highlighted ${label}`,
          action: { kind: 'jump', direction: 'next', only: type },
        },
      ],
      [
        `previous-${slug}`,
        {
          description: `Go to the previous highlighted ${label}`,
          action: { kind: 'jump', direction: 'previous', only: type },
        },
      ],
    ]),
  ),
};

/** The manifest's `commands` entries for PAGE_COMMANDS. */
export function pageCommandsManifest(): Record<
  string,
  { description: string; suggested_key?: { default: string } }
> {
  return Object.fromEntries(
    Object.entries(PAGE_COMMANDS).map(([name, spec]) => [
      name,
      {
        description: spec.description,
        ...(spec.key ? { suggested_key: { default: spec.key } } : {}),
      },
    ]),
  );
}

export function isPageCommand(name: string): boolean {
  return Object.hasOwn(PAGE_COMMANDS, name);
}

export type AskPage = <T extends MessageType>(
  tabId: number,
  message: Message<T>,
) => Promise<Response<T>>;

/** Run a page command on a tab: toggle its highlights, or jump to a mark. */
export async function runPageCommand(
  askPage: AskPage,
  command: string,
  tabId: number,
): Promise<CommandResult> {
  const spec = isPageCommand(command) ? PAGE_COMMANDS[command] : undefined;
  if (!spec) return { ok: false, command, error: `unknown command ${command}` };
  try {
    const { action } = spec;
    if (action.kind === 'toggle') {
      const before = await askPage(tabId, {
        type: 'glossa:get-page',
      } as Message<'glossa:get-page'>);
      const state = await askPage(tabId, { type: 'glossa:set-enabled', enabled: !before.enabled });
      return { ok: true, command, state };
    }
    const reveal = await askPage(tabId, {
      type: 'glossa:jump',
      direction: action.direction,
      ...(action.only ? { only: action.only } : {}),
    });
    return { ok: true, command, reveal };
  } catch (error) {
    // No content script on the tab (a browser page, a tab loaded before install).
    return { ok: false, command, error: error instanceof Error ? error.message : String(error) };
  }
}
