import { useEffect } from 'react';
import { Input, Label, Text, View } from '@tarojs/components';
import type { FieldName } from '../../../domain';
import type { FieldSpec } from '../formView';

interface Props {
  spec: FieldSpec;
  value: string;
  /** A complaint, shown in red; it hides the hint. */
  message?: string;
  /** A neutral note, e.g. the canonical name that will be sent. */
  hint?: string;
  disabled?: boolean;
  focus?: boolean;
  onInput: (field: FieldName, value: string) => void;
  onBlur: (field: FieldName) => void;
}

// iOS WeChat reads an input's aria-label only with this role; in a browser the <input> has its own.
const WEAPP_ROLE = process.env.TARO_ENV === 'h5' ? {} : { 'aria-role': 'textbox' };

/**
 * h5: Taro's `<taro-input-core>` keeps ARIA attributes on itself, not on the `<input>` inside it
 * that screen readers and axe read, so they are set on that input directly.
 */
function useH5InputAria(id: string, label: string, describedBy: string | undefined, invalid: boolean): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    const input = document.querySelector(`#${id} input`);
    if (!input) return;
    input.setAttribute('aria-label', label);
    if (describedBy) input.setAttribute('aria-describedby', describedBy);
    else input.removeAttribute('aria-describedby');
    input.setAttribute('aria-invalid', invalid ? 'true' : 'false');
  });
}

/**
 * One labelled input of the form, with its complaint or hint underneath. The input is named by its
 * label (aria-label reaches weapp through config/ariaAttributes.ts; on iOS WeChat reads it only with
 * aria-role="textbox"); the complaint is announced (a polite live region) and linked to the input.
 */
export function FieldCell({ spec, value, message, hint, disabled, focus, onInput, onBlur }: Props) {
  const noteId = message ? `${spec.name}-error` : hint ? `${spec.name}-hint` : undefined;
  useH5InputAria(spec.name, spec.label, noteId, !!message);
  return (
    <View className={`cell${message ? ' cell-invalid' : ''}`}>
      <View className="cell-row">
        <Label className="cell-label" for={spec.name}>
          {spec.label}
        </Label>
        <Input
          id={spec.name}
          className="cell-input"
          type={spec.type}
          placeholder={spec.placeholder}
          placeholderClass="cell-placeholder"
          maxlength={spec.maxlength}
          value={value}
          disabled={disabled}
          focus={focus}
          aria-label={message ? `${spec.label}，${message}` : spec.label}
          {...WEAPP_ROLE}
          onInput={(e) => onInput(spec.name, e.detail.value)}
          onBlur={() => onBlur(spec.name)}
        />
      </View>
      <View className="field-note" aria-live="polite">
        {message ? (
          <Text id={`${spec.name}-error`} className="field-error">
            {message}
          </Text>
        ) : hint ? (
          <Text id={`${spec.name}-hint`} className="field-hint">
            {hint}
          </Text>
        ) : null}
      </View>
    </View>
  );
}
