import { Input, Label, Text, View } from '@tarojs/components';
import type { FieldName } from '../domain';
import type { FieldSpec } from '../pages/form/formView';

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

/** One labelled input of the form, with its complaint or hint underneath. */
export function FieldCell({ spec, value, message, hint, disabled, focus, onInput, onBlur }: Props) {
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
          maxlength={spec.maxlength}
          value={value}
          disabled={disabled}
          focus={focus}
          onInput={(e) => onInput(spec.name, e.detail.value)}
          onBlur={() => onBlur(spec.name)}
        />
      </View>
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
  );
}
