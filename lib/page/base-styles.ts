/**
 * The text of the content script's manifest stylesheet (lib/page/styles.ts says why there is
 * one): every default rule Glossa paints with. wxt.config.ts writes it into the build.
 */
import { PAINTED_TYPES } from '../entities';
import { NOTE_CSS } from './note-paint';
import { paintCss } from './paint';
import { FLASH_CSS } from './reveal';
import { baseStylesCss } from './styles';

export function manifestStylesheet(): string {
  return baseStylesCss([paintCss(PAINTED_TYPES), NOTE_CSS, FLASH_CSS]);
}
