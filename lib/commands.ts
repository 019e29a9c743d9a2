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
import { type MessageKey, t } from './i18n';
import type { AskTab } from './messages/to-content';
import type { CommandResult, JumpDirection } from './messages/types';

export type PageCommand =
  | { kind: 'toggle' }
  | { kind: 'jump'; direction: JumpDirection; only?: PaintedType };

interface CommandSpec {
  /** The description's message (public/_locales): the manifest says `__MSG_<key>__`. */
  message: MessageKey;
  /** Chrome: at most four commands may suggest keys. */
  key?: string;
  action: PageCommand;
}

const JUMPS: Array<[PaintedType, string, MessageKey, MessageKey]> = [
  ['PER', 'person', 'cmdNextPerson', 'cmdPreviousPerson'],
  ['LOC', 'place', 'cmdNextPlace', 'cmdPreviousPlace'],
  ['TREATY', 'treaty', 'cmdNextTreaty', 'cmdPreviousTreaty'],
];

export const PAGE_COMMANDS: Readonly<Record<string, CommandSpec>> = {
  'toggle-highlights': {
    message: 'cmdToggleHighlights',
    key: 'Alt+Shift+H',
    action: { kind: 'toggle' },
  },
  'next-mark': {
    message: 'cmdNextMark',
    key: 'Alt+Shift+J',
    action: { kind: 'jump', direction: 'next' },
  },
  'previous-mark': {
    message: 'cmdPreviousMark',
    key: 'Alt+Shift+K',
    action: { kind: 'jump', direction: 'previous' },
  },
  ...Object.fromEntries(
    JUMPS.flatMap(([type, slug, next, previous]) => [
      [
        `next-${slug}`,
        {
          message: next,
          action: { kind: 'jump', direction: 'next', only: type },
        },
      ],
      [
        `previous-${slug}`,
        {
          message: previous,
          action: { kind: 'jump', direction: 'previous', only: type },
        },
      ],
    ]),
  ),
};

/** What a command does, in the UI language. */
export function commandDescription(name: string): string {
  const spec = isPageCommand(name) ? PAGE_COMMANDS[name] : undefined;
  return spec ? t(spec.message) : '';
}

/** The manifest's `commands` entries for PAGE_COMMANDS (descriptions localized by the browser). */
export function pageCommandsManifest(): Record<
  string,
  { description: string; suggested_key?: { default: string } }
> {
  return Object.fromEntries(
    Object.entries(PAGE_COMMANDS).map(([name, spec]) => [
      name,
      {
        description: `__MSG_${spec.message}__`,
        ...(spec.key ? { suggested_key: { default: spec.key } } : {}),
      },
    ]),
  );
}

export function isPageCommand(name: string): boolean {
  return Object.hasOwn(PAGE_COMMANDS, name);
}

/** How the background asks a tab's content script (lib/messages/to-content.ts). */
export type AskPage = AskTab;

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
      const before = await askPage(tabId, { type: 'glossa:get-page' });
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
