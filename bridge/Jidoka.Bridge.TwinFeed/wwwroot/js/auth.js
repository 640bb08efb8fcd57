// Who is acting: an operator token (and/or operator id) kept in sessionStorage, so closing the tab signs out.
const TOKEN = "jidoka.token";
const OPERATOR = "jidoka.operator";

export function session() {
  return { token: sessionStorage.getItem(TOKEN) || "", operator: sessionStorage.getItem(OPERATOR) || "" };
}

export function signIn(operator, token) {
  if (token) sessionStorage.setItem(TOKEN, token); else sessionStorage.removeItem(TOKEN);
  if (operator) sessionStorage.setItem(OPERATOR, operator); else sessionStorage.removeItem(OPERATOR);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(OPERATOR);
}

/** Wires the header form; the bridge checks the token on each command (it has no sign-in endpoint to ask). */
export function bindSignIn(onChange) {
  const form = document.getElementById("signin");
  const operator = document.getElementById("signin-operator");
  const token = document.getElementById("signin-token");
  const out = document.getElementById("signout-button");
  const identity = document.getElementById("identity");
  const show = () => {
    const s = session();
    const signedIn = !!(s.token || s.operator);
    identity.textContent = signedIn ? `signed in: ${s.operator || "token's operator"}${s.token ? " (token)" : ""}` : "not signed in";
    out.hidden = !signedIn;
    operator.value = s.operator;
    token.value = "";
    onChange?.();
  };
  form.addEventListener("submit", e => {
    e.preventDefault();
    signIn(operator.value.trim(), token.value.trim());
    show();
  });
  out.addEventListener("click", () => { signOut(); show(); });
  show();
}
