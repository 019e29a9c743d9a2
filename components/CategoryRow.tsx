/**
 * One category on the options page: painted or not, its colour, and how well a mark of that colour
 * is seen and its text read on light and dark pages (lib/colors.ts), with a way back to the default.
 */
import {
  checkHighlightContrast,
  DEFAULT_COLORS,
  MIN_MARK_CONTRAST,
  MIN_TEXT_CONTRAST,
  parseHexColor,
} from '../lib/colors';
import type { PaintedType } from '../lib/entities';
import { t, typeLabel } from '../lib/i18n';

export interface CategoryRowProps {
  type: PaintedType;
  on: boolean;
  color: string;
  onToggle(on: boolean): void;
  onColor(color: string): void;
}

const ratio = (n: number) => `${n.toFixed(1)}:1`;

export function CategoryRow({ type, on, color, onToggle, onColor }: CategoryRowProps) {
  const rgb = parseHexColor(color) ?? parseHexColor(DEFAULT_COLORS[type]);
  const contrast = rgb ? checkHighlightContrast(rgb) : null;
  const colorId = `color-${type}`;
  const noteId = `contrast-${type}`;
  return (
    <div class="category" data-type={type}>
      <label class="check">
        <input
          type="checkbox"
          name={type}
          checked={on}
          onChange={(e) => onToggle(e.currentTarget.checked)}
        />{' '}
        {typeLabel(type)}
      </label>
      <span class="category-color">
        <label for={colorId} class="visually-hidden">
          {t('colorOf', typeLabel(type))}
        </label>
        <input
          id={colorId}
          type="color"
          value={color}
          aria-describedby={noteId}
          onChange={(e) => onColor(e.currentTarget.value)}
        />
        {color !== DEFAULT_COLORS[type] && (
          <button type="button" class="link" onClick={() => onColor(DEFAULT_COLORS[type])}>
            {t('resetColor', typeLabel(type))}
          </button>
        )}
      </span>
      {contrast && (
        <span id={noteId} class={contrast.ok ? 'muted contrast' : 'error contrast'}>
          {t('contrastSummary', [
            ratio(contrast.lineLight),
            ratio(contrast.lineDark),
            ratio(Math.min(contrast.textLight, contrast.textDark)),
          ])}
          {contrast.ok ? '' : ` ${t('contrastTooLow', [MIN_MARK_CONTRAST, MIN_TEXT_CONTRAST])}`}
        </span>
      )}
    </div>
  );
}
