interface CheckboxGroupProps<K extends string> {
  legend: string;
  /** The choices, in the order they are listed. */
  keys: readonly K[];
  label: (key: K) => string;
  checked: (key: K) => boolean;
  onToggle: (key: K, on: boolean) => void;
}

/** A fieldset of checkboxes, one per member of a closed set. */
export function CheckboxGroup<K extends string>({ legend, keys, label, checked, onToggle }: CheckboxGroupProps<K>) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {keys.map((key) => (
        <label class="check" key={key}>
          <input type="checkbox" checked={checked(key)} onChange={(e) => onToggle(key, (e.target as HTMLInputElement).checked)} />
          {label(key)}
        </label>
      ))}
    </fieldset>
  );
}
