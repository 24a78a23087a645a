import { analyze } from '../../src/model/analyze';
import type { PositionSpec, ValidAnalysis } from '../../src/model/types';

/** The analysis of a spec a test knows to be valid; a rejection fails the test with the model's reasons. */
export function valid(spec: PositionSpec): ValidAnalysis {
  const analysis = analyze(spec);
  if (!analysis.valid) throw new Error(`spec rejected: ${JSON.stringify(analysis.errors)}`);
  return analysis;
}

/** The analysis of a generated spec, or null when the model refuses it (a property then skips the case). */
export function validOrNull(spec: PositionSpec): ValidAnalysis | null {
  const analysis = analyze(spec);
  return analysis.valid ? analysis : null;
}
