/** The text "New WAT" starts with (plain data: the e2e tests import it too). */

/** A function to run at once. */
export const NEW_WAT = `(module
  ;; Add two numbers. Change it, then Run (Ctrl/Cmd+Enter) or Compile (Ctrl/Cmd+S).
  (func $add (export "add") (param $a i32) (param $b i32) (result i32)
    local.get $a
    local.get $b
    i32.add)
)
`;
