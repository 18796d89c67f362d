// Scratch variants of the package for the benchmark's --prototypes (none yet).
export function prototypes() {
  return [];
}
