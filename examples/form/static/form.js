// The live form: each change of the field is checked by POST /api/check; the
// answer is shown as the resolved time, or as the error with its span
// (ctx.pos..ctx.end) underlined and its hint, in the chosen language.
"use strict";

const TEXT = {
  en: {
    title: "Schedule an SMS", when: "When to send", zone: "Time zone", language: "Language",
    help: "A time such as tomorrow 14:00, now +3h or 2017-04-25 10:00.",
    will_send: "Will be sent", sent_as: "Sent to the API as", in_zone: "in",
  },
  ru: {
    title: "Запланировать SMS", when: "Когда отправить", zone: "Часовой пояс", language: "Язык",
    help: "Время, например tomorrow 14:00, now +3h или 2017-04-25 10:00.",
    will_send: "Будет отправлено", sent_as: "В API уйдёт", in_zone: "в поясе",
  },
};

const field = document.getElementById("when");
const zone = document.getElementById("zone");
const language = document.getElementById("language");
const result = document.getElementById("result");
let latest = 0; // answers to older requests are dropped
let timer = null;

function startingLanguage() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked in TEXT) return asked;
  const browser = (navigator.language || "en").slice(0, 2).toLowerCase();
  return browser in TEXT ? browser : "en";
}

function showLanguage() {
  const words = TEXT[language.value];
  document.documentElement.lang = language.value;
  for (const element of document.querySelectorAll("[data-text]")) {
    element.textContent = words[element.dataset.text];
  }
  document.title = words.title;
}

function humanTime(iso, zoneName) {
  // Intl knows IANA names; a fixed offset such as +05:30 falls back to the ISO text.
  try {
    return new Intl.DateTimeFormat(language.value, {
      weekday: "long", day: "numeric", month: "long", year: "numeric",
      hour: "numeric", minute: "2-digit", timeZone: zoneName,
    }).format(new Date(iso));
  } catch (error) {
    return iso;
  }
}

function showResolved(answer) {
  document.getElementById("human").textContent = humanTime(answer.iso, answer.zone);
  document.getElementById("resolved").textContent = answer.at;
  document.getElementById("shown-zone").textContent =
    `${TEXT[language.value].in_zone} ${answer.zone}`;
  result.dataset.state = "ok";
}

function showError(text, detail) {
  const ctx = detail.ctx || {};
  const echo = document.getElementById("echo");
  echo.replaceChildren();
  if (detail.loc[1] === "at" && ctx.pos !== null && ctx.pos !== undefined) {
    const end = Math.max(ctx.end ?? ctx.pos + 1, ctx.pos);
    const mark = document.createElement("mark");
    // An error at the end of the text ("now +") underlines the place where more was expected.
    mark.textContent = text.slice(ctx.pos, end) || " ";
    if (ctx.pos >= text.length) mark.className = "at-end";
    echo.append(text.slice(0, ctx.pos), mark, text.slice(end));
  }
  document.getElementById("message").textContent = detail.msg;
  document.getElementById("hint").textContent = ctx.hint || "";
  result.dataset.state = "error";
  result.dataset.code = ctx.code || detail.type;
}

async function check() {
  const text = field.value;
  const asked = ++latest;
  if (text.trim() === "") {
    result.dataset.state = "empty";
    return;
  }
  const query = new URLSearchParams({ zone: zone.value.trim() || "UTC", lang: language.value });
  const response = await fetch(`/api/check?${query}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ at: text }),
  });
  const answer = await response.json();
  if (asked !== latest) return;
  if (response.ok) {
    showResolved(answer);
  } else {
    // The field's own error first; an unknown zone comes from the zone box.
    const details = answer.detail;
    const own = details.find((detail) => detail.loc[1] === "at" && detail.type !== "bhtime_missing_zone");
    showError(text, own || details[0]);
  }
  result.dataset.checked = text;
}

function soon() {
  clearTimeout(timer);
  timer = setTimeout(check, 120);
}

language.value = startingLanguage();
zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
showLanguage();
field.addEventListener("input", soon);
zone.addEventListener("input", soon);
language.addEventListener("change", () => { showLanguage(); soon(); });
