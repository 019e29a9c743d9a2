/** One filter of the notes view: a labelled drop-down whose empty value means "any". */
export interface FilterChoice {
  value: string;
  label: string;
}

export function FilterSelect({
  id,
  label,
  anyLabel,
  value,
  choices,
  onChange,
}: {
  id: string;
  label: string;
  /** The first choice, the empty value: no filter. */
  anyLabel: string;
  value: string;
  choices: readonly FilterChoice[];
  onChange(value: string): void;
}) {
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{anyLabel}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </>
  );
}
