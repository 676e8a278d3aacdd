// The engine's detail sentences (the `{detail}` of a checker problem: what the bank reader, the
// expression parser, the template filler, the answer checks and the Markdown reader say, in
// English) in the authoring page's other languages. Each key is the engine's English sentence
// with `{name}` where it puts a value (crates/engine: json/read.rs, bank.rs, bank_read.rs,
// expression.rs, template.rs, answer_check.rs, markup/); a value named `problem` or `part` is
// itself such a sentence or phrase, translated in turn. author-i18n.js `detailWords` reads them;
// pkg-tests/tests/author-i18n.test.js checks that every detail a broken bank gets is found here.

/** Details in French and Arabic, by the engine's English words. */
export const DETAILS = {
  fr: {
    // The bank reader (a value that does not fit the bank format).
    'cannot read {text} as a number': 'impossible de lire {text} comme un nombre',
    'missing field `{key}`': 'il manque le champ `{key}`',
    'invalid type: {found}, expected {expected}': 'type invalide : {found} au lieu de {expected}',
    'data did not match any variant of untagged enum {name}': 'la valeur n’a aucune des formes possibles ici ({name})',
    'unknown variant `{name}`, expected one of {list}': 'valeur inconnue `{name}` ; les valeurs possibles : {list}',
    // The expression parser (answers, templates).
    'the expression is empty': 'l’expression est vide',
    'the expression ends too early': 'l’expression s’arrête trop tôt',
    'the expression is nested too deeply': 'l’expression a trop de niveaux imbriqués',
    'the expression is longer than {n} characters': 'l’expression dépasse {n} caractères',
    'unexpected {part} here': 'élément inattendu ici : {part}',
    '{part} is missing': 'il manque {part}',
    '{function} takes {n} value(s)': '{function} prend {n} valeur(s)',
    'empty name': 'nom vide',
    'unknown variable “{name}”': 'variable inconnue « {name} »',
    'unknown function {name}': 'fonction inconnue {name}',
    operator: 'un opérateur',
    'closing bracket': 'une parenthèse fermante',
    'opening bracket': 'une parenthèse ouvrante',
    comma: 'une virgule',
    'number {n}': 'le nombre {n}',
    'a closing )': 'une ) fermante',
    'a closing }': 'une } fermante',
    'a closing ]': 'un ] fermant',
    // Templates.
    'constraint “{name}”: {problem}': 'contrainte « {name} » : {problem}',
    'derived value “{name}”: {problem}': 'valeur calculée « {name} » : {problem}',
    'derived value “{name}” uses an unknown name or forms a cycle':
      'la valeur calculée « {name} » utilise un nom inconnu ou forme une boucle',
    'a constraint cannot be computed: {problem}': 'une contrainte ne peut pas être calculée : {problem}',
    'the constraints did not hold in {n} draws: they may be impossible':
      'les contraintes n’ont pas été respectées en {n} tirages : elles sont peut-être impossibles',
    'a range needs min <= max and a positive step': 'un intervalle demande min <= max et un pas positif',
    'a list of values is empty': 'une liste de valeurs est vide',
    'a {{ is never closed': 'un {{ n’est jamais fermé',
    '{{{expression}}}: the value is not a finite number': '{{{expression}}} : la valeur n’est pas un nombre fini',
    '{{{expression}}}: {problem}': '{{{expression}}} : {problem}',
    'after filling in values: {problem}': 'après avoir mis les valeurs : {problem}',
    // The answer checks.
    'the answer cannot be computed: {problem}': 'la réponse ne peut pas être calculée : {problem}',
    'the tolerance is so wide that almost any number is right':
      'la tolérance est si large que presque tous les nombres sont justes',
    'the answer {answer} is too large to be exact (a template value may overflow)':
      'la réponse {answer} est trop grande pour être exacte (une valeur du modèle peut déborder)',
    'the answer holds inf or NaN: a template value overflowed':
      'la réponse contient inf ou NaN : une valeur du modèle a débordé',
    'the answer is not a {form}: {problem}': 'la réponse n’est pas de la forme {form} : {problem}',
    'the answer is not an equation solved for {letter}': 'la réponse n’est pas une équation résolue pour {letter}',
    'blank {n}: a drop-down needs two choices or more, none empty, one right':
      'trou {n} : une liste déroulante demande au moins deux choix, aucun vide, dont un juste',
    'its own answer {answer} is judged {verdict} ({reason})':
      'sa propre réponse {answer} est jugée {verdict} ({reason})',
    '{answer} has two readings ({separator} is used); write it without a separator or as a number':
      '{answer} se lit de deux façons ({separator} est utilisé) : écrivez-le sans séparateur ou comme un nombre',
    'the unit {unit} is not one the checks can convert':
      'l’unité {unit} n’est pas une de celles que la vérification sait convertir',
    '{answer} is compared as text, not as math; a shortText item says so plainly':
      '{answer} est comparé comme du texte, pas comme des maths ; un exercice « Texte court » le dit clairement',
    '{answer} is read as a product of letters; if it is a word, use a shortText item':
      '{answer} se lit comme un produit de lettres ; si c’est un mot, utilisez un exercice « Texte court »',
    // Markdown and math.
    'in math `{math}`: {problem}': 'dans les maths `{math}` : {problem}',
    'nested too deeply; the rest is shown as text': 'trop de niveaux imbriqués ; la suite est montrée comme du texte',
    'a `{` is never closed with `}`': 'une `{` n’est jamais fermée par `}`',
    'a `[` after \\sqrt is never closed with `]`': 'un `[` après \\sqrt n’est jamais fermé par `]`',
    'a `}` has no matching `{`': 'une `}` n’a pas de `{` correspondante',
    'a double superscript or subscript; use braces, e.g. x^{2^3}':
      'un exposant ou un indice double ; utilisez des accolades, par ex. x^{2^3}',
    'a `$` inside math: for money, write \\$ so that `$…$` does not start math':
      'un `$` dans des maths : pour une somme d’argent, écrivez \\$ pour que `$…$` ne commence pas des maths',
    'a `^`, `_`, \\frac or \\sqrt is missing its argument': 'un `^`, `_`, \\frac ou \\sqrt n’a pas son argument',
    'a lone `\\` at the end': 'un `\\` seul à la fin',
    'unknown command \\{name}': 'commande inconnue \\{name}',
    '`\\\\` (a line break) is not supported in math; use separate $$…$$ blocks':
      '`\\\\` (un retour à la ligne) n’est pas possible dans les maths ; utilisez des blocs $$…$$ séparés',
    'a `{` after \\text is never closed with `}`': 'une `{` après \\text n’est jamais fermée par `}`',
    'lists or quotes are nested too deeply; the inner part is shown as plain text':
      'listes ou citations trop imbriquées ; la partie intérieure est montrée en texte simple',
    'a code block is never closed with its fence': 'un bloc de code n’est jamais fermé par sa clôture',
    'the audio `{address}` needs a transcript: ![audio: what is said](file.mp3)':
      'l’audio `{address}` a besoin d’une transcription : ![audio: ce qui est dit](fichier.mp3)',
    '`audio:` needs an .mp3, .ogg, .wav or .m4a file, not `{address}`':
      '`audio:` demande un fichier .mp3, .ogg, .wav ou .m4a, pas `{address}`',
    'the image `{address}` has no alt text: describe it, as in ![a bar chart of …](file.png)':
      'l’image `{address}` n’a pas de texte de remplacement : décrivez-la, comme dans ![un diagramme en barres de …](fichier.png)',
    'emphasis or links are nested too deeply; the inner part is shown as written':
      'mises en valeur ou liens trop imbriqués ; la partie intérieure est montrée telle qu’elle est écrite',
    'an image inside a line of text is shown as its alt text; put `![alt](address)` on a line of its own':
      'une image au milieu d’une ligne de texte est montrée par son texte de remplacement ; mettez `![texte](adresse)` sur une ligne à part',
    '`{opener}` starts math that is never closed (write \\$ for a dollar sign): `{text}`':
      '`{opener}` commence des maths qui ne sont jamais fermées (écrivez \\$ pour le signe dollar) : `{text}`',
    'the text is longer than {n} characters; the rest is shown as plain text':
      'le texte dépasse {n} caractères ; la suite est montrée en texte simple',
  },
  ar: {
    'cannot read {text} as a number': 'تتعذر قراءة {text} عددًا',
    'missing field `{key}`': 'الحقل `{key}` مفقود',
    'invalid type: {found}, expected {expected}': 'نوع غير صالح: {found} بدلًا من {expected}',
    'data did not match any variant of untagged enum {name}': 'القيمة ليست على أيٍّ من الأشكال الممكنة هنا ({name})',
    'unknown variant `{name}`, expected one of {list}': 'قيمة غير معروفة `{name}`؛ القيم الممكنة: {list}',
    'the expression is empty': 'التعبير فارغ',
    'the expression ends too early': 'ينتهي التعبير قبل أوانه',
    'the expression is nested too deeply': 'في التعبير مستويات متداخلة كثيرة جدًا',
    'the expression is longer than {n} characters': 'التعبير أطول من {n} حرفًا',
    'unexpected {part} here': 'عنصر غير متوقع هنا: {part}',
    '{part} is missing': 'ينقص {part}',
    '{function} takes {n} value(s)': 'تأخذ {function} عدد {n} من القيم',
    'empty name': 'اسم فارغ',
    'unknown variable “{name}”': 'متغير غير معروف «{name}»',
    'unknown function {name}': 'دالة غير معروفة {name}',
    operator: 'عامل',
    'closing bracket': 'قوس إغلاق',
    'opening bracket': 'قوس فتح',
    comma: 'فاصلة',
    'number {n}': 'العدد {n}',
    'a closing )': 'قوس إغلاق )',
    'a closing }': 'قوس إغلاق }',
    'a closing ]': 'قوس إغلاق ]',
    'constraint “{name}”: {problem}': 'الشرط «{name}»: {problem}',
    'derived value “{name}”: {problem}': 'القيمة المحسوبة «{name}»: {problem}',
    'derived value “{name}” uses an unknown name or forms a cycle':
      'القيمة المحسوبة «{name}» تستعمل اسمًا غير معروف أو تشكّل حلقة',
    'a constraint cannot be computed: {problem}': 'يتعذر حساب أحد الشروط: {problem}',
    'the constraints did not hold in {n} draws: they may be impossible': 'لم تتحقق الشروط في {n} سحبة: قد تكون مستحيلة',
    'a range needs min <= max and a positive step': 'يحتاج المجال إلى min <= max وإلى خطوة موجبة',
    'a list of values is empty': 'قائمة قيم فارغة',
    'a {{ is never closed': 'لا يُغلق {{ أبدًا',
    '{{{expression}}}: the value is not a finite number': '{{{expression}}}: القيمة ليست عددًا منتهيًا',
    '{{{expression}}}: {problem}': '{{{expression}}}: {problem}',
    'after filling in values: {problem}': 'بعد وضع القيم: {problem}',
    'the answer cannot be computed: {problem}': 'يتعذر حساب الإجابة: {problem}',
    'the tolerance is so wide that almost any number is right': 'هامش التسامح واسع جدًا حتى إن أي عدد تقريبًا يُعدّ صحيحًا',
    'the answer {answer} is too large to be exact (a template value may overflow)':
      'الإجابة {answer} أكبر من أن تكون دقيقة (قد تتجاوز قيمة من القالب الحد)',
    'the answer holds inf or NaN: a template value overflowed': 'في الإجابة inf أو NaN: تجاوزت قيمة من القالب الحد',
    'the answer is not a {form}: {problem}': 'الإجابة ليست على الشكل {form}: {problem}',
    'the answer is not an equation solved for {letter}': 'الإجابة ليست معادلة محلولة بالنسبة إلى {letter}',
    'blank {n}: a drop-down needs two choices or more, none empty, one right':
      'الفراغ {n}: تحتاج القائمة المنسدلة إلى خيارين أو أكثر، غير فارغة، وأحدها صحيح',
    'its own answer {answer} is judged {verdict} ({reason})': 'إجابته نفسها {answer} تُقيَّم {verdict} ({reason})',
    '{answer} has two readings ({separator} is used); write it without a separator or as a number':
      'يُقرأ {answer} بطريقتين (استُعمل {separator})؛ اكتبه بلا فاصل أو عددًا',
    'the unit {unit} is not one the checks can convert': 'الوحدة {unit} ليست من الوحدات التي يستطيع التحقق تحويلها',
    '{answer} is compared as text, not as math; a shortText item says so plainly':
      'يُقارَن {answer} نصًا لا رياضيات؛ وتمرين «نص قصير» يقول ذلك بوضوح',
    '{answer} is read as a product of letters; if it is a word, use a shortText item':
      'يُقرأ {answer} جداءً لحروف؛ إن كان كلمة فاستعمل تمرين «نص قصير»',
    'in math `{math}`: {problem}': 'في الرياضيات `{math}`: {problem}',
    'nested too deeply; the rest is shown as text': 'مستويات متداخلة كثيرة جدًا؛ يُعرض الباقي نصًا',
    'a `{` is never closed with `}`': 'لا يُغلق `{` أبدًا بـ `}`',
    'a `[` after \\sqrt is never closed with `]`': 'لا يُغلق `[` بعد \\sqrt أبدًا بـ `]`',
    'a `}` has no matching `{`': 'ليس لـ `}` ما يقابله من `{`',
    'a double superscript or subscript; use braces, e.g. x^{2^3}':
      'أس أو دليل مزدوج؛ استعمل الأقواس المعقوفة، مثل x^{2^3}',
    'a `$` inside math: for money, write \\$ so that `$…$` does not start math':
      '`$` داخل الرياضيات: للمبالغ المالية اكتب \\$ كي لا يبدأ `$…$` رياضيات',
    'a `^`, `_`, \\frac or \\sqrt is missing its argument': 'ينقص `^` أو `_` أو \\frac أو \\sqrt وسيطُه',
    'a lone `\\` at the end': '`\\` وحيد في النهاية',
    'unknown command \\{name}': 'أمر غير معروف \\{name}',
    '`\\\\` (a line break) is not supported in math; use separate $$…$$ blocks':
      '`\\\\` (سطر جديد) غير مدعوم في الرياضيات؛ استعمل كتل $$…$$ منفصلة',
    'a `{` after \\text is never closed with `}`': 'لا يُغلق `{` بعد \\text أبدًا بـ `}`',
    'lists or quotes are nested too deeply; the inner part is shown as plain text':
      'القوائم أو الاقتباسات متداخلة كثيرًا؛ يُعرض الجزء الداخلي نصًا عاديًا',
    'a code block is never closed with its fence': 'لا تُغلق كتلة الشيفرة أبدًا بسياجها',
    'the audio `{address}` needs a transcript: ![audio: what is said](file.mp3)':
      'يحتاج الصوت `{address}` إلى نص مكتوب: ![audio: ما يُقال](file.mp3)',
    '`audio:` needs an .mp3, .ogg, .wav or .m4a file, not `{address}`':
      'يحتاج `audio:` إلى ملف .mp3 أو .ogg أو .wav أو .m4a، لا `{address}`',
    'the image `{address}` has no alt text: describe it, as in ![a bar chart of …](file.png)':
      'ليس للصورة `{address}` نص بديل: صِفها، مثل ![مخطط أعمدة لـ …](file.png)',
    'emphasis or links are nested too deeply; the inner part is shown as written':
      'التوكيد أو الروابط متداخلة كثيرًا؛ يُعرض الجزء الداخلي كما كُتب',
    'an image inside a line of text is shown as its alt text; put `![alt](address)` on a line of its own':
      'الصورة داخل سطر من النص تُعرض بنصها البديل؛ ضع `![النص البديل](العنوان)` في سطر مستقل',
    '`{opener}` starts math that is never closed (write \\$ for a dollar sign): `{text}`':
      '`{opener}` يبدأ رياضيات لا تُغلق أبدًا (اكتب \\$ لعلامة الدولار): `{text}`',
    'the text is longer than {n} characters; the rest is shown as plain text':
      'النص أطول من {n} حرفًا؛ يُعرض الباقي نصًا عاديًا',
  },
};
