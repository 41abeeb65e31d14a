/**
 * A pure function of one key whose answers are kept, up to `max` of them (then forgotten all at once):
 * for the calendar's formatting, asked the same few questions thousands of times per report.
 */
export function kept<K, V>(compute: (key: K) => V, max: number): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = compute(key);
      if (answers.size >= max) answers.clear();
      answers.set(key, answer);
    }
    return answer;
  };
}
