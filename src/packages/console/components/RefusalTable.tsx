import { Text, View } from '@tarojs/components';
import type { RefusalRow } from '../figures';

/** Refusals by code, with the note on counts kept in a function instance's memory. */
export function RefusalTable({ rows }: { rows: RefusalRow[] }) {
  return (
    <View className="console-card" id="refusals">
      <View className="console-card-head">
        <Text className="console-card-title">未完成的请求（按原因）</Text>
      </View>
      {rows.length === 0 ? (
        <Text className="console-muted" id="refusals-empty">
          这段时间没有被拒绝的请求。
        </Text>
      ) : (
        <View className="refusal-table">
          {rows.map((row) => (
            <View className="refusal-row" key={row.code} id={`refusal-${row.code}`}>
              <Text className="refusal-label">{row.label}</Text>
              <Text className="refusal-code">{row.code}</Text>
              <Text className="refusal-count">{row.count}</Text>
            </View>
          ))}
        </View>
      )}
      <Text className="console-note" id="refusals-note">
        格式不符、未同意授权书等在查询数据库之前就被拒绝的请求，先记在云函数实例的内存里，到该实例下一次写数据库时才计入；实例在此之前被回收，这几次就不会被计入。
      </Text>
    </View>
  );
}
