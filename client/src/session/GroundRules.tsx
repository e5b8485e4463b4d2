// The board's ground rules, collapsible so they stay at hand without taking a phone's whole screen.
export function GroundRules({ rules }: { rules: readonly string[] }) {
  if (rules.length === 0) return null;
  return (
    <details className="ground-rules">
      <summary>Ground rules</summary>
      <ul>
        {rules.map((rule, index) => (
          <li key={index} dir="auto">
            {rule}
          </li>
        ))}
      </ul>
    </details>
  );
}
