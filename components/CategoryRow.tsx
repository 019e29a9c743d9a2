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
import { type PaintedType, TYPE_LABELS } from '../lib/entities';

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
        {TYPE_LABELS[type]}
      </label>
      <span class="category-color">
        <label for={colorId} class="visually-hidden">
          {`${TYPE_LABELS[type]} colour`}
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
            {`Reset ${TYPE_LABELS[type]} colour`}
          </button>
        )}
      </span>
      {contrast && (
        <span id={noteId} class={contrast.ok ? 'muted contrast' : 'error contrast'}>
          {`Underline ${ratio(contrast.lineLight)} on light pages, ${ratio(contrast.lineDark)} on dark; ` +
            `text ${ratio(Math.min(contrast.textLight, contrast.textDark))}`}
          {contrast.ok
            ? ''
            : ` — below ${MIN_MARK_CONTRAST}:1 (marks) or ${MIN_TEXT_CONTRAST}:1 (text): marks in this colour are hard to see; choose a deeper or lighter shade`}
        </span>
      )}
    </div>
  );
}
