// The authoring page's words in English, French and Arabic, like the widget. The English text is
// the key: `t('Choice {n}', { n: 2 })`; `tn(count, key)` picks the plural form of the language
// (Intl.PluralRules); `mark(key)` names a key translated where it is shown. The static text of
// author.html carries `data-i18n` (its English text is the key) and `data-i18n-*` for attributes.
// pkg-tests/tests/author-i18n.test.js checks that every catalog has every key of author.js and
// author.html, with the same {placeholders}, and every plural form of its language.

/** The page's languages, each named in its own language. */
export const PAGE_LANGUAGES = [
  ['en', 'English'],
  ['fr', 'Français'],
  ['ar', 'العربية'],
];
import { DETAILS } from './author-i18n-details.js';

const RIGHT_TO_LEFT = new Set(['ar']);
const LANGUAGE_KEY = 'adaptive-practice-author-language';

/** English forms of the plural keys (the key is the `other` form). */
const ENGLISH_PLURALS = {
  '{n} problems': { one: '{n} problem' },
  '{n} warnings (worth a look; the bank plays)': { one: '{n} warning (worth a look; the bank plays)' },
  '{n} errors: the widget will not play the bank until they are fixed.': {
    one: '{n} error: the widget will not play the bank until it is fixed.',
  },
  'Opened {name}: {n} items. Undo goes back to what you had.': {
    one: 'Opened {name}: {n} item. Undo goes back to what you had.',
  },
  'The bank has {n} errors: the widget will refuse to play it until they are fixed. Save it anyway, to go on later?': {
    one: 'The bank has {n} error: the widget will refuse to play it until it is fixed. Save it anyway, to go on later?',
  },
  'Saved {name} ({n} items). Put it next to your page and point the widget at it.': {
    one: 'Saved {name} ({n} item). Put it next to your page and point the widget at it.',
  },
  'Added {n} items.': { one: 'Added {n} item.' },
  '{n} questions found': { one: '{n} question found' },
  '{n} problems found': { one: '{n} problem found' },
  '{n} items found': { one: '{n} item found' },
  '{n} items written': { one: '{n} item written' },
  '{n} skipped': {},
  'New skills: {n}.': {},
  'Read the {n} notes below: what was left out or changed.': {
    one: 'Read the note below: what was left out or changed.',
  },
};

export const CATALOGS = {
  en: {},
  fr: {
    'The answer fields of the old type were removed. Undo brings them back.':
      'Les champs de réponse de l’ancien type ont été retirés. « Annuler » les fait revenir.',
    'A hint is not complete: write its text, and the question and answer of its smaller question.':
      'Un indice est incomplet : écrivez son texte, ainsi que la question et la réponse de sa question plus simple.',
    'Part of this item is missing or not filled in as its type needs ({detail}).':
      'Une partie de cet exercice manque ou n’est pas remplie comme son type le demande ({detail}).',
    'Right answer (LaTeX or plain: 3x + 6, \\frac{7}{12}, h = 2A/b)':
      'Bonne réponse (LaTeX ou texte simple : 3x + 6, \\frac{7}{12}, h = 2A/b)',
    'Converted: {summary}.': 'Converti : {summary}.',
    'Read the {n} notes below: what was left out or changed.': {
      one: 'Lisez la note ci-dessous : ce qui a été laissé de côté ou changé.',
      many: 'Lisez les {n} de notes ci-dessous : ce qui a été laissé de côté ou changé.',
      other: 'Lisez les {n} notes ci-dessous : ce qui a été laissé de côté ou changé.',
    },
    'You can also open or drop a quiz in GIFT, Moodle’s plain-text format: each question becomes an item, and what cannot be converted is listed below.':
      'Vous pouvez aussi ouvrir ou déposer un quiz au format GIFT, le format texte de Moodle : chaque question devient un exercice, et ce qui ne peut pas être converti est listé ci-dessous.',
    'Write practice items': 'Écrire des exercices',
    'Make a bank of practice items for the widget, try each item as a learner would, and save the bank as a file.':
      'Créez une banque d’exercices pour le widget, essayez chaque exercice comme un élève, et enregistrez la banque dans un fichier.',
    'Nothing leaves this computer:': 'Rien ne quitte cet ordinateur :',
    'the page works in your browser, and your draft is kept in this browser until you save it.':
      'la page fonctionne dans votre navigateur, et votre brouillon y est gardé jusqu’à ce que vous l’enregistriez.',
    'Language of this page': 'Langue de cette page',
    'Your bank': 'Votre banque',
    Bank: 'Banque',
    'Start a new bank': 'Commencer une nouvelle banque',
    'Open a bank file…': 'Ouvrir un fichier de banque…',
    'or a bank’s address': 'ou l’adresse d’une banque',
    Open: 'Ouvrir',
    'Save the bank file': 'Enregistrer le fichier de la banque',
    Undo: 'Annuler',
    Redo: 'Rétablir',
    Problems: 'Problèmes',
    'Checking…': 'Vérification…',
    Items: 'Exercices',
    'New item of type': 'Nouvel exercice de type',
    'Add item': 'Ajouter l’exercice',
    'Selected item': 'Exercice choisi',
    Duplicate: 'Dupliquer',
    'Move up': 'Monter',
    'Move down': 'Descendre',
    Delete: 'Supprimer',
    Item: 'Exercice',
    Preview: 'Aperçu',
    'The item as learners see it. Answer it to see the feedback, the hints and the worked solution; for a template, "Try another like this" shows another variant.':
      'L’exercice tel que les élèves le voient. Répondez pour voir les retours, les indices et la solution rédigée ; pour un modèle, « Un autre du même genre » montre une autre variante.',
    Skills: 'Compétences',
    'Each item practises one or more skills; the widget tracks mastery per skill. A prerequisite is practised first.':
      'Chaque exercice travaille une ou plusieurs compétences ; le widget suit la maîtrise de chacune. Un prérequis est travaillé d’abord.',
    'Bank settings': 'Réglages de la banque',
    'Paste from a spreadsheet': 'Coller depuis un tableur',
    'One row per item, columns type, prompt, answer, choices, hints, skill, difficulty (a header row is optional). Separate several choices, answers or hints with |. The layout is described in':
      'Une ligne par exercice, colonnes type, prompt, answer, choices, hints, skill, difficulty (une ligne d’en-tête est facultative). Séparez plusieurs choix, réponses ou indices par |. La disposition est décrite dans',
    'Rows from a spreadsheet (tab- or comma-separated)':
      'Lignes d’un tableur (séparées par des tabulations ou des virgules)',
    'Add these items': 'Ajouter ces exercices',
    'Writing text and math': 'Écrire du texte et des maths',
    'Prompts, choices, hints, feedback and solutions are Markdown with math:':
      'Les énoncés, choix, indices, retours et solutions sont en Markdown avec des maths :',
    Write: 'Écrivez',
    'to get': 'pour obtenir',
    '*words*': '*mots*',
    '**words**': '**mots**',
    '- first': '- premier',
    '![what it shows](media/picture.svg)': '![ce qu’elle montre](media/image.svg)',
    'emphasis, strong': 'italique, gras',
    'math in the sentence (LaTeX)': 'des maths dans la phrase (LaTeX)',
    'math on its own line': 'des maths sur leur propre ligne',
    'roots, indices, signs': 'racines, indices, signes',
    'a list': 'une liste',
    'a picture (the words in brackets are read to learners who cannot see it)':
      'une image (les mots entre crochets sont lus aux élèves qui ne la voient pas)',
    'the first blank': 'le premier trou',
    'a value computed from the template’s numbers': 'une valeur calculée à partir des nombres du modèle',
    'on separate lines': 'sur des lignes séparées',
    'in a fill-in-the-blanks prompt': 'dans l’énoncé d’un texte à trous',
    'in an item with a template': 'dans un exercice avec un modèle',
    'Save a bank with errors?': 'Enregistrer une banque qui a des erreurs ?',
    'Save anyway': 'Enregistrer quand même',
    'Replace the bank you are working on?': 'Remplacer la banque en cours ?',
    'Save it as a file first': 'L’enregistrer d’abord dans un fichier',
    'Replace it': 'La remplacer',
    '{id} (not a skill of this bank: untick to remove it)':
      '{id} (pas une compétence de cette banque : décochez pour la retirer)',
    'Keep working on it': 'Continuer à y travailler',
    'A new bank replaces the one you are working on.':
      'Une nouvelle banque remplace celle sur laquelle vous travaillez.',
    'Opening {name} replaces the bank you are working on.':
      'Ouvrir {name} remplace la banque sur laquelle vous travaillez.',
    'Opening a file replaces the bank you are working on.':
      'Ouvrir un fichier remplace la banque sur laquelle vous travaillez.',
    'It is kept only in this browser, as a draft, until you save it as a file: replacing it loses it once you close the tab.':
      'Elle n’est gardée que dans ce navigateur, comme brouillon, tant que vous ne l’enregistrez pas dans un fichier : la remplacer la perd dès que vous fermez l’onglet.',
    'Show the item as it is now': 'Montrer l’exercice tel qu’il est maintenant',
    'You changed this item since you started trying it here.':
      'Vous avez modifié cet exercice depuis que vous avez commencé à l’essayer ici.',
    'Go back and fix': 'Revenir et corriger',
    'Back to the demo': 'Retour à la démo',
    'Class overview': 'Vue de la classe',
    'Single choice': 'Choix unique',
    'Multiple response': 'Réponses multiples',
    Number: 'Nombre',
    'Math expression': 'Expression mathématique',
    'Short text': 'Texte court',
    'Put in order': 'Remettre en ordre',
    'Fill in the blanks': 'Texte à trous',
    Matching: 'Association',
    Steps: 'Étapes',
    'Very easy': 'Très facile',
    Easy: 'Facile',
    Medium: 'Moyen',
    Hard: 'Difficile',
    'Very hard': 'Très difficile',
    English: 'Anglais',
    French: 'Français',
    Arabic: 'Arabe',
    Spanish: 'Espagnol',
    'Portuguese (Brazil)': 'Portugais (Brésil)',
    'My practice': 'Mes exercices',
    'First skill': 'Première compétence',
    'Download as a web page (.zip)': 'Télécharger comme page web (.zip)',
    '“Download as a web page” makes one .zip with the bank, the widget and a page that plays it: unzip it onto your website, or upload it to your LMS as a SCORM package.':
      '« Télécharger comme page web » crée un seul .zip avec la banque, le widget et une page qui la joue : décompressez-le sur votre site web, ou déposez-le sur votre plateforme d’apprentissage (LMS) comme paquet SCORM.',
    'The bank has errors: the widget would refuse to play it. Fix them (see Problems) before you make a page of it.':
      'La banque a des erreurs : le widget refuserait de la jouer. Corrigez-les (voir Problèmes) avant d’en faire une page.',
    'Making the page…': 'Création de la page…',
    'the checker has not started': 'le vérificateur n’a pas démarré',
    'Loading the practice… If this text stays, open this page from a website or your LMS: a page opened as a file from your computer cannot run the practice.':
      'Chargement des exercices… Si ce texte reste affiché, ouvrez cette page depuis un site web ou votre plateforme d’apprentissage : une page ouverte comme fichier de votre ordinateur ne peut pas faire fonctionner les exercices.',
    'These media files are not in the zip; put them next to {bank}: {files}.':
      'Ces fichiers média ne sont pas dans le zip ; placez-les à côté de {bank} : {files}.',
    'Saved {name}: unzip it onto your website and open index.html there, or upload the zip to your LMS as a SCORM package. The bank inside is {bank}.':
      '{name} enregistré : décompressez-le sur votre site web et ouvrez-y index.html, ou déposez le zip sur votre plateforme d’apprentissage (LMS) comme paquet SCORM. La banque qu’il contient est {bank}.',
    'Could not make the page: {reason}. Nothing was changed.':
      'Impossible de créer la page : {reason}. Rien n’a été modifié.',
    'Undone.': 'Annulé.',
    'Redone.': 'Rétabli.',
    'Choices (pick the right one)': 'Choix (cochez le bon)',
    'Choices (tick every right one)': 'Choix (cochez tous les bons)',
    'The preview shows this item once these errors are fixed:':
      'L’aperçu montrera cet exercice quand ces erreurs seront corrigées :',
    '{name} is not a file this page can import: open a bank (.json), a GIFT quiz (.gift, .txt), Moodle XML or a QTI item (.xml), or a QTI package or zipped OATutor folder (.zip)':
      '{name} n’est pas un fichier que cette page sait importer : ouvrez une banque (.json), un quiz GIFT (.gift, .txt), du Moodle XML ou une question QTI (.xml), ou un paquet QTI ou un dossier OATutor zippé (.zip)',
    'Add choice': 'Ajouter un choix',
    'Move choice {n} up': 'Monter le choix {n}',
    'Move choice {n} down': 'Descendre le choix {n}',
    'Remove choice {n}': 'Retirer le choix {n}',
    'Add accepted answer': 'Ajouter une réponse acceptée',
    'Move accepted answer {n} up': 'Monter la réponse acceptée {n}',
    'Move accepted answer {n} down': 'Descendre la réponse acceptée {n}',
    'Remove accepted answer {n}': 'Retirer la réponse acceptée {n}',
    'Add entry': 'Ajouter un élément',
    'Move entry {n} up': 'Monter l’élément {n}',
    'Move entry {n} down': 'Descendre l’élément {n}',
    'Remove entry {n}': 'Retirer l’élément {n}',
    'Add blank': 'Ajouter un trou',
    'Move blank {n} up': 'Monter le trou {n}',
    'Move blank {n} down': 'Descendre le trou {n}',
    'Remove blank {n}': 'Retirer le trou {n}',
    'Add pair': 'Ajouter une paire',
    'Move pair {n} up': 'Monter la paire {n}',
    'Move pair {n} down': 'Descendre la paire {n}',
    'Remove pair {n}': 'Retirer la paire {n}',
    'Add step': 'Ajouter une étape',
    'Move step {n} up': 'Monter l’étape {n}',
    'Move step {n} down': 'Descendre l’étape {n}',
    'Remove step {n}': 'Retirer l’étape {n}',
    'Add wrong answer': 'Ajouter une réponse fausse',
    'Move wrong answer {n} up': 'Monter la réponse fausse {n}',
    'Move wrong answer {n} down': 'Descendre la réponse fausse {n}',
    'Remove wrong answer {n}': 'Retirer la réponse fausse {n}',
    'Add hint': 'Ajouter un indice',
    'Move hint {n} up': 'Monter l’indice {n}',
    'Move hint {n} down': 'Descendre l’indice {n}',
    'Remove hint {n}': 'Retirer l’indice {n}',
    'Add skill': 'Ajouter une compétence',
    'Move skill {n} up': 'Monter la compétence {n}',
    'Move skill {n} down': 'Descendre la compétence {n}',
    'Remove skill {n}': 'Retirer la compétence {n}',
    Remove: 'Retirer',
    'Moved to place {n}.': 'Déplacé à la place {n}.',
    'Removed. Undo brings it back.': 'Retiré. « Annuler » le fait revenir.',
    'Right answer (a number, a fraction such as 3/4, or {{…}})':
      'Bonne réponse (un nombre, une fraction comme 3/4, ou {{…}})',
    'Tolerance (how far from the answer still counts as right)':
      'Tolérance (l’écart à la réponse qui compte encore comme juste)',
    'Unit (optional, e.g. cm)': 'Unité (facultatif, par ex. cm)',
    'The letter the answer must be solved for (optional)': 'La lettre à isoler dans la réponse (facultatif)',
    'Accepted answers': 'Réponses acceptées',
    'Accepted answer {n}': 'Réponse acceptée {n}',
    'Capitals, spaces, accents and a final full stop do not count.':
      'Les majuscules, les espaces, les accents et un point final ne comptent pas.',
    'Capitals count': 'Les majuscules comptent',
    'Entries, in the right order (learners see them shuffled)':
      'Éléments, dans le bon ordre (les élèves les voient mélangés)',
    'Entry {n}': 'Élément {n}',
    Blanks: 'Trous',
    'Accepted answers for [[{n}]], one per line': 'Réponses acceptées pour [[{n}]], une par ligne',
    'Write [[1]], [[2]]… in the prompt where each blank goes. Adding a blank adds its mark at the end of the prompt.':
      'Écrivez [[1]], [[2]]… dans l’énoncé à la place de chaque trou. Ajouter un trou ajoute sa marque à la fin de l’énoncé.',
    'Pairs (learners pick the right side from a list)': 'Paires (les élèves choisissent le côté droit dans une liste)',
    'Left {n}': 'Gauche {n}',
    'Matches {n}': 'Va avec {n}',
    'Extra wrong right-hand entries, one per line (optional)':
      'Éléments de droite en plus, faux, un par ligne (facultatif)',
    'Steps (answered one after the other)': 'Étapes (répondues l’une après l’autre)',
    'Step {n}: question': 'Étape {n} : question',
    'Step {n}: type of answer': 'Étape {n} : type de réponse',
    'Step {n}: hints': 'Étape {n} : indices',
    'Step {n}: worked solution (optional)': 'Étape {n} : solution rédigée (facultatif)',
    'This page cannot edit items of type {type}; they are kept as they are.':
      'Cette page ne sait pas modifier les exercices de type {type} ; ils sont gardés tels quels.',
    'Choice {n}': 'Choix {n}',
    'Choice {n} is right': 'Le choix {n} est juste',
    'Feedback when choice {n} is picked (optional)': 'Retour quand le choix {n} est pris (facultatif)',
    'Shuffle the choices': 'Mélanger les choix',
    'Typical wrong answers and what to tell the learner (optional)':
      'Réponses fausses typiques et ce qu’il faut dire à l’élève (facultatif)',
    'Wrong answer {n}': 'Réponse fausse {n}',
    'Feedback for wrong answer {n}': 'Message pour la réponse fausse {n}',
    'Hint {n}': 'Indice {n}',
    'Hint {n} asks a smaller question': 'L’indice {n} pose une question plus simple',
    'Smaller question of hint {n}': 'Question plus simple de l’indice {n}',
    'Type of its answer': 'Type de sa réponse',
    'Numbers drawn at random (a template)': 'Nombres tirés au hasard (un modèle)',
    'With a template, each learner gets other numbers: write {{a}} in the prompt and {{a * b}} in the answer.':
      'Avec un modèle, chaque élève a d’autres nombres : écrivez {{a}} dans l’énoncé et {{a * b}} dans la réponse.',
    'Add a template': 'Ajouter un modèle',
    'Variable {n}: name': 'Variable {n} : nom',
    'Smallest {name}': '{name} le plus petit',
    'Largest {name}': '{name} le plus grand',
    'Step of {name} (optional)': 'Pas de {name} (facultatif)',
    'Remove variable {name}': 'Retirer la variable {name}',
    '{name} is one of {values}.': '{name} vaut l’une de ces valeurs : {values}.',
    Variables: 'Variables',
    'Add a variable': 'Ajouter une variable',
    'Conditions that must hold, one per line (a != b, gcd(a, b) == 1)':
      'Conditions à respecter, une par ligne (a != b, gcd(a, b) == 1)',
    'Remove the template': 'Retirer le modèle',
    'No item yet. Choose a type under "Items" and add one.':
      'Pas encore d’exercice. Choisissez un type sous « Exercices » et ajoutez-en un.',
    'Skills it practises': 'Compétences travaillées',
    'Other ({value})': 'Autre ({value})',
    'Try it in the preview': 'L’essayer dans l’aperçu',
    'Problems of this item': 'Problèmes de cet exercice',
    'Item id (stays the same across versions; progress is kept under it)':
      'Identifiant de l’exercice (reste le même d’une version à l’autre ; la progression est gardée sous ce nom)',
    Type: 'Type',
    Question: 'Question',
    Difficulty: 'Difficulté',
    'Hints (shown one at a time, when asked)': 'Indices (montrés un par un, sur demande)',
    'Worked solution (shown after the answer, optional)': 'Solution rédigée (montrée après la réponse, facultatif)',
    '(no id)': '(sans identifiant)',
    'Prerequisites of skill {n}': 'Prérequis de la compétence {n}',
    'Add another skill to choose prerequisites.': 'Ajoutez une autre compétence pour choisir des prérequis.',
    'Skill {n}: name': 'Compétence {n} : nom',
    'Skill {n}: id (items refer to it)': 'Compétence {n} : identifiant (les exercices y renvoient)',
    'Skill {n}: description (optional)': 'Compétence {n} : description (facultatif)',
    'Title (shown at the top of the widget)': 'Titre (affiché en haut du widget)',
    'Bank id (learners’ progress is kept under it: keep it when you publish a new version)':
      'Identifiant de la banque (la progression des élèves est gardée sous ce nom : gardez-le quand vous publiez une nouvelle version)',
    'Bank id: {id}. Learners’ progress is kept under it: keep it when you publish a new version (Bank settings).':
      'Identifiant de la banque : {id}. La progression des élèves est gardée sous ce nom : gardez-le quand vous publiez une nouvelle version (Réglages de la banque).',
    Version: 'Version',
    'Language of the items': 'Langue des exercices',
    'Mastery threshold (0.8: a skill is mastered at 80% predicted success)':
      'Seuil de maîtrise (0.8 : une compétence est maîtrisée à 80 % de réussite prédite)',
    'Target success (0.75: items are chosen that the learner gets right 3 times in 4)':
      'Réussite visée (0.75 : on choisit des exercices que l’élève réussit 3 fois sur 4)',
    'Answers needed before a skill can be mastered (4)':
      'Réponses nécessaires avant qu’une compétence soit maîtrisée (4)',
    'Licence (optional)': 'Licence (facultatif)',
    'Attribution (optional)': 'Attribution (facultatif)',
    'Item {n} ({id}): {message}': 'Exercice {n} ({id}) : {message}',
    'Skill {n} ({name}): {message}': 'Compétence {n} ({name}) : {message}',
    'Also {warnings}.': 'Et aussi {warnings}.',
    'No errors: the widget will play this bank.': 'Aucune erreur : le widget jouera cette banque.',
    Error: 'Erreur',
    Warning: 'Avertissement',
    'Error: {message}': 'Erreur : {message}',
    'Warning: {message}': 'Avertissement : {message}',
    'The selected item is shown here.': 'L’exercice choisi s’affiche ici.',
    'The preview cannot start: {reason}': 'L’aperçu ne peut pas démarrer : {reason}',
    'The preview has nothing to answer: see what it says.': 'L’aperçu n’a rien à répondre : lisez ce qu’il dit.',
    'This browser does not let the page keep a draft: save the bank file before you close the tab.':
      'Ce navigateur ne laisse pas la page garder un brouillon : enregistrez le fichier avant de fermer l’onglet.',
    '{name} is not a bank file (it is not JSON: {reason}). Nothing was changed.':
      '{name} n’est pas un fichier de banque (ce n’est pas du JSON : {reason}). Rien n’a changé.',
    '{name} is not a bank file (a bank is a JSON object with items and skills). Nothing was changed.':
      '{name} n’est pas un fichier de banque (une banque est un objet JSON avec des exercices et des compétences). Rien n’a changé.',
    'Added an item ({type}). Write its question.': 'Exercice ajouté ({type}). Écrivez sa question.',
    'Duplicated.': 'Dupliqué.',
    'Deleted {id}. Undo brings it back.': '{id} supprimé. « Annuler » le fait revenir.',
    'Started a new bank. Undo brings the previous one back.':
      'Nouvelle banque commencée. « Annuler » fait revenir la précédente.',
    'the server answered {status}': 'le serveur a répondu {status}',
    'Could not open {name}: {reason}. Nothing was changed.': 'Impossible d’ouvrir {name} : {reason}. Rien n’a changé.',
    'No item added. {notes}': 'Aucun exercice ajouté. {notes}',
    'Paste rows first.': 'Collez d’abord des lignes.',
    'Your draft from {when} is back. Start a new bank or open a file to work on another.':
      'Votre brouillon du {when} est revenu. Commencez une nouvelle banque ou ouvrez un fichier pour travailler sur une autre.',
    'The checker could not start ({reason}): problems are not shown. Run "make build" to build it.':
      'Le vérificateur n’a pas pu démarrer ({reason}) : les problèmes ne sont pas affichés. Lancez « make build » pour le construire.',
    '{n} problems': { one: '{n} problème', many: '{n} de problèmes', other: '{n} problèmes' },
    '{n} warnings (worth a look; the bank plays)': {
      one: '{n} avertissement (à regarder ; la banque est jouable)',
      many: '{n} d’avertissements (à regarder ; la banque est jouable)',
      other: '{n} avertissements (à regarder ; la banque est jouable)',
    },
    '{n} errors: the widget will not play the bank until they are fixed.': {
      one: '{n} erreur : le widget ne jouera pas la banque tant qu’elle n’est pas corrigée.',
      many: '{n} d’erreurs : le widget ne jouera pas la banque tant qu’elles ne sont pas corrigées.',
      other: '{n} erreurs : le widget ne jouera pas la banque tant qu’elles ne sont pas corrigées.',
    },
    'Opened {name}: {n} items. Undo goes back to what you had.': {
      one: '{name} ouvert : {n} exercice. « Annuler » revient à ce que vous aviez.',
      many: '{name} ouvert : {n} d’exercices. « Annuler » revient à ce que vous aviez.',
      other: '{name} ouvert : {n} exercices. « Annuler » revient à ce que vous aviez.',
    },
    'The bank has {n} errors: the widget will refuse to play it until they are fixed. Save it anyway, to go on later?':
      {
        one: 'La banque a {n} erreur : le widget refusera de la jouer tant qu’elle n’est pas corrigée. L’enregistrer quand même, pour continuer plus tard ?',
        many: 'La banque a {n} d’erreurs : le widget refusera de la jouer tant qu’elles ne sont pas corrigées. L’enregistrer quand même, pour continuer plus tard ?',
        other:
          'La banque a {n} erreurs : le widget refusera de la jouer tant qu’elles ne sont pas corrigées. L’enregistrer quand même, pour continuer plus tard ?',
      },
    'Saved {name} ({n} items). Put it next to your page and point the widget at it.': {
      one: '{name} enregistré ({n} exercice). Placez-le à côté de votre page et indiquez-le au widget.',
      many: '{name} enregistré ({n} d’exercices). Placez-le à côté de votre page et indiquez-le au widget.',
      other: '{name} enregistré ({n} exercices). Placez-le à côté de votre page et indiquez-le au widget.',
    },
    '{n} questions found': {
      one: '{n} question trouvée',
      many: '{n} de questions trouvées',
      other: '{n} questions trouvées',
    },
    '{n} problems found': {
      one: '{n} problème trouvé',
      many: '{n} de problèmes trouvés',
      other: '{n} problèmes trouvés',
    },
    '{n} items found': {
      one: '{n} exercice trouvé',
      many: '{n} d’exercices trouvés',
      other: '{n} exercices trouvés',
    },
    '{n} items written': {
      one: '{n} exercice écrit',
      many: '{n} d’exercices écrits',
      other: '{n} exercices écrits',
    },
    '{n} skipped': {
      one: '{n} laissé de côté',
      many: '{n} laissés de côté',
      other: '{n} laissés de côté',
    },
    'Added {n} items.': {
      one: '{n} exercice ajouté.',
      many: '{n} d’exercices ajoutés.',
      other: '{n} exercices ajoutés.',
    },
    'New skills: {n}.': {
      one: 'Nouvelle compétence : {n}.',
      many: 'Nouvelles compétences : {n}.',
      other: 'Nouvelles compétences : {n}.',
    },
    // The importers of Moodle XML, QTI and zipped packages (issue 15).
    'Moodle XML and QTI items (.xml), and QTI packages or zipped OATutor folders (.zip), open the same way.':
      'Les questions Moodle XML et QTI (.xml), ainsi que les paquets QTI ou les dossiers OATutor zippés (.zip), s’ouvrent de la même façon.',
    'Nothing in {name} could be made into an item ({summary}). Your bank was not changed; the notes below say why.':
      'Rien dans {name} n’a pu devenir un exercice ({summary}). Votre banque n’a pas changé ; les notes ci-dessous disent pourquoi.',
    'Save {address} (put it at this address next to the bank file)':
      'Enregistrer {address} (placez ce fichier à cette adresse, à côté du fichier de la banque)',
  },
  ar: {
    'The answer fields of the old type were removed. Undo brings them back.':
      'أُزيلت حقول الإجابة الخاصة بالنوع السابق. «تراجع» يعيدها.',
    'A hint is not complete: write its text, and the question and answer of its smaller question.':
      'أحد التلميحات غير مكتمل: اكتب نصه، وسؤاله الأبسط وإجابته.',
    'Part of this item is missing or not filled in as its type needs ({detail}).':
      'جزء من هذا التمرين ناقص أو غير مكتمل كما يتطلب نوعه ({detail}).',
    'Right answer (LaTeX or plain: 3x + 6, \\frac{7}{12}, h = 2A/b)':
      'الإجابة الصحيحة (LaTeX أو نص عادي: 3x + 6، \\frac{7}{12}، h = 2A/b)',
    'Converted: {summary}.': 'تم التحويل: {summary}.',
    'Read the {n} notes below: what was left out or changed.': {
      zero: 'لا ملاحظات.',
      one: 'اقرأ الملاحظة أدناه: ما تُرك أو تغيّر.',
      two: 'اقرأ الملاحظتين أدناه: ما تُرك أو تغيّر.',
      few: 'اقرأ الملاحظات الـ{n} أدناه: ما تُرك أو تغيّر.',
      many: 'اقرأ الـ{n} ملاحظة أدناه: ما تُرك أو تغيّر.',
      other: 'اقرأ الـ{n} ملاحظة أدناه: ما تُرك أو تغيّر.',
    },
    'You can also open or drop a quiz in GIFT, Moodle’s plain-text format: each question becomes an item, and what cannot be converted is listed below.':
      'يمكنك أيضًا فتح أو إفلات اختبار بصيغة GIFT، صيغة Moodle النصية: يصبح كل سؤال تمرينًا، وما لا يمكن تحويله يُذكر أدناه.',
    'Write practice items': 'كتابة تمارين',
    'Make a bank of practice items for the widget, try each item as a learner would, and save the bank as a file.':
      'أنشئ بنكًا من التمارين للأداة، وجرّب كل تمرين كما يفعل المتعلم، واحفظ البنك في ملف.',
    'Nothing leaves this computer:': 'لا شيء يغادر هذا الحاسوب:',
    'the page works in your browser, and your draft is kept in this browser until you save it.':
      'تعمل الصفحة في متصفحك، وتُحفظ مسودتك في هذا المتصفح حتى تحفظها.',
    'Language of this page': 'لغة هذه الصفحة',
    'Your bank': 'بنكك',
    Bank: 'البنك',
    'Start a new bank': 'بدء بنك جديد',
    'Open a bank file…': 'فتح ملف بنك…',
    'or a bank’s address': 'أو عنوان بنك',
    Open: 'فتح',
    'Save the bank file': 'حفظ ملف البنك',
    Undo: 'تراجع',
    Redo: 'إعادة',
    Problems: 'المشكلات',
    'Checking…': 'جارٍ الفحص…',
    Items: 'التمارين',
    'New item of type': 'تمرين جديد من نوع',
    'Add item': 'إضافة التمرين',
    'Selected item': 'التمرين المختار',
    Duplicate: 'تكرار',
    'Move up': 'نقل إلى الأعلى',
    'Move down': 'نقل إلى الأسفل',
    Delete: 'حذف',
    Item: 'التمرين',
    Preview: 'معاينة',
    'The item as learners see it. Answer it to see the feedback, the hints and the worked solution; for a template, "Try another like this" shows another variant.':
      'التمرين كما يراه المتعلمون. أجب عنه لترى الملاحظات والتلميحات والحل المفصل؛ وفي القالب، يعرض «جرّب تمرينًا مشابهًا» صيغة أخرى.',
    Skills: 'المهارات',
    'Each item practises one or more skills; the widget tracks mastery per skill. A prerequisite is practised first.':
      'يتدرب كل تمرين على مهارة أو أكثر؛ وتتابع الأداة الإتقان لكل مهارة. يُتدرَّب على المتطلب السابق أولًا.',
    'Bank settings': 'إعدادات البنك',
    'Paste from a spreadsheet': 'لصق من جدول بيانات',
    'One row per item, columns type, prompt, answer, choices, hints, skill, difficulty (a header row is optional). Separate several choices, answers or hints with |. The layout is described in':
      'صف لكل تمرين، والأعمدة type وprompt وanswer وchoices وhints وskill وdifficulty (صف العناوين اختياري). افصل بين الخيارات أو الإجابات أو التلميحات بالرمز |. التنسيق موصوف في',
    'Rows from a spreadsheet (tab- or comma-separated)': 'صفوف من جدول بيانات (مفصولة بعلامات جدولة أو فواصل)',
    'Add these items': 'إضافة هذه التمارين',
    'Writing text and math': 'كتابة النصوص والرياضيات',
    'Prompts, choices, hints, feedback and solutions are Markdown with math:':
      'نصوص الأسئلة والخيارات والتلميحات والملاحظات والحلول مكتوبة بـ Markdown مع الرياضيات:',
    Write: 'اكتب',
    'to get': 'لتحصل على',
    '*words*': '*كلمات*',
    '**words**': '**كلمات**',
    '- first': '- الأول',
    '![what it shows](media/picture.svg)': '![ما تُظهره](media/picture.svg)',
    'emphasis, strong': 'خط مائل، خط عريض',
    'math in the sentence (LaTeX)': 'رياضيات داخل الجملة (LaTeX)',
    'math on its own line': 'رياضيات في سطر مستقل',
    'roots, indices, signs': 'جذور وأدلة ورموز',
    'a list': 'قائمة',
    'a picture (the words in brackets are read to learners who cannot see it)':
      'صورة (تُقرأ الكلمات بين القوسين للمتعلمين الذين لا يرونها)',
    'the first blank': 'الفراغ الأول',
    'a value computed from the template’s numbers': 'قيمة محسوبة من أعداد القالب',
    'on separate lines': 'في أسطر منفصلة',
    'in a fill-in-the-blanks prompt': 'في نص سؤال ملء الفراغات',
    'in an item with a template': 'في تمرين له قالب',
    'Save a bank with errors?': 'حفظ بنك فيه أخطاء؟',
    'Save anyway': 'الحفظ على أي حال',
    'Replace the bank you are working on?': 'استبدال البنك الذي تعمل عليه؟',
    'Save it as a file first': 'احفظه في ملف أولًا',
    'Replace it': 'استبدله',
    '{id} (not a skill of this bank: untick to remove it)': '{id} (ليست مهارة في هذا البنك: ألغِ التحديد لإزالتها)',
    'Keep working on it': 'واصل العمل عليه',
    'A new bank replaces the one you are working on.': 'البنك الجديد يحل محل البنك الذي تعمل عليه.',
    'Opening {name} replaces the bank you are working on.': 'فتح {name} يحل محل البنك الذي تعمل عليه.',
    'Opening a file replaces the bank you are working on.': 'فتح ملف يحل محل البنك الذي تعمل عليه.',
    'It is kept only in this browser, as a draft, until you save it as a file: replacing it loses it once you close the tab.':
      'لا يُحفظ إلا في هذا المتصفح، كمسودة، حتى تحفظه في ملف: استبداله يُضيّعه بمجرد إغلاق علامة التبويب.',
    'Show the item as it is now': 'اعرض التمرين كما هو الآن',
    'You changed this item since you started trying it here.': 'غيّرت هذا التمرين منذ أن بدأت تجربته هنا.',
    'Go back and fix': 'الرجوع والإصلاح',
    'Back to the demo': 'العودة إلى العرض التوضيحي',
    'Class overview': 'نظرة على الصف',
    'Single choice': 'اختيار واحد',
    'Multiple response': 'إجابات متعددة',
    Number: 'عدد',
    'Math expression': 'تعبير رياضي',
    'Short text': 'نص قصير',
    'Put in order': 'ترتيب',
    'Fill in the blanks': 'ملء الفراغات',
    Matching: 'مطابقة',
    Steps: 'خطوات',
    'Very easy': 'سهل جدًا',
    Easy: 'سهل',
    Medium: 'متوسط',
    Hard: 'صعب',
    'Very hard': 'صعب جدًا',
    English: 'الإنجليزية',
    French: 'الفرنسية',
    Arabic: 'العربية',
    Spanish: 'الإسبانية',
    'Portuguese (Brazil)': 'البرتغالية (البرازيل)',
    'My practice': 'تماريني',
    'First skill': 'المهارة الأولى',
    'Download as a web page (.zip)': 'تنزيل كصفحة ويب (zip)',
    '“Download as a web page” makes one .zip with the bank, the widget and a page that plays it: unzip it onto your website, or upload it to your LMS as a SCORM package.':
      '«تنزيل كصفحة ويب» يصنع ملف zip واحدًا فيه البنك والأداة وصفحة تشغّله: فُكّ ضغطه على موقعك، أو ارفعه إلى منصة التعلّم كحزمة SCORM.',
    'The bank has errors: the widget would refuse to play it. Fix them (see Problems) before you make a page of it.':
      'في البنك أخطاء: سترفض الأداة تشغيله. أصلحها (انظر المشكلات) قبل أن تصنع منه صفحة.',
    'Making the page…': 'جارٍ صنع الصفحة…',
    'the checker has not started': 'لم يبدأ المدقّق',
    'Loading the practice… If this text stays, open this page from a website or your LMS: a page opened as a file from your computer cannot run the practice.':
      'جارٍ تحميل التمارين… إن بقي هذا النص، فافتح هذه الصفحة من موقع ويب أو من منصة التعلّم: الصفحة المفتوحة كملف من حاسوبك لا تستطيع تشغيل التمارين.',
    'These media files are not in the zip; put them next to {bank}: {files}.':
      'ملفات الوسائط هذه ليست في الملف المضغوط؛ ضعها بجانب {bank}: {files}.',
    'Saved {name}: unzip it onto your website and open index.html there, or upload the zip to your LMS as a SCORM package. The bank inside is {bank}.':
      'حُفظ {name}: فُكّ ضغطه على موقعك وافتح فيه index.html، أو ارفع الملف المضغوط إلى منصة التعلّم كحزمة SCORM. البنك الذي فيه هو {bank}.',
    'Could not make the page: {reason}. Nothing was changed.': 'تعذّر صنع الصفحة: {reason}. لم يُغيَّر شيء.',
    'Undone.': 'تم التراجع.',
    'Redone.': 'تمت الإعادة.',
    'Choices (pick the right one)': 'الخيارات (اختر الصحيح)',
    'Choices (tick every right one)': 'الخيارات (حدّد كل خيار صحيح)',
    'The preview shows this item once these errors are fixed:': 'تعرض المعاينة هذا التمرين بعد تصحيح هذه الأخطاء:',
    '{name} is not a file this page can import: open a bank (.json), a GIFT quiz (.gift, .txt), Moodle XML or a QTI item (.xml), or a QTI package or zipped OATutor folder (.zip)':
      'ليس {name} ملفًا تستطيع هذه الصفحة استيراده: افتح بنكًا (.json) أو اختبار GIFT (.gift, .txt) أو Moodle XML أو سؤال QTI (.xml) أو حزمة QTI أو مجلد OATutor مضغوطًا (.zip)',
    'Add choice': 'إضافة خيار',
    'Move choice {n} up': 'نقل الخيار {n} إلى الأعلى',
    'Move choice {n} down': 'نقل الخيار {n} إلى الأسفل',
    'Remove choice {n}': 'إزالة الخيار {n}',
    'Add accepted answer': 'إضافة إجابة مقبولة',
    'Move accepted answer {n} up': 'نقل الإجابة المقبولة {n} إلى الأعلى',
    'Move accepted answer {n} down': 'نقل الإجابة المقبولة {n} إلى الأسفل',
    'Remove accepted answer {n}': 'إزالة الإجابة المقبولة {n}',
    'Add entry': 'إضافة عنصر',
    'Move entry {n} up': 'نقل العنصر {n} إلى الأعلى',
    'Move entry {n} down': 'نقل العنصر {n} إلى الأسفل',
    'Remove entry {n}': 'إزالة العنصر {n}',
    'Add blank': 'إضافة فراغ',
    'Move blank {n} up': 'نقل الفراغ {n} إلى الأعلى',
    'Move blank {n} down': 'نقل الفراغ {n} إلى الأسفل',
    'Remove blank {n}': 'إزالة الفراغ {n}',
    'Add pair': 'إضافة زوج',
    'Move pair {n} up': 'نقل الزوج {n} إلى الأعلى',
    'Move pair {n} down': 'نقل الزوج {n} إلى الأسفل',
    'Remove pair {n}': 'إزالة الزوج {n}',
    'Add step': 'إضافة خطوة',
    'Move step {n} up': 'نقل الخطوة {n} إلى الأعلى',
    'Move step {n} down': 'نقل الخطوة {n} إلى الأسفل',
    'Remove step {n}': 'إزالة الخطوة {n}',
    'Add wrong answer': 'إضافة إجابة خاطئة',
    'Move wrong answer {n} up': 'نقل الإجابة الخاطئة {n} إلى الأعلى',
    'Move wrong answer {n} down': 'نقل الإجابة الخاطئة {n} إلى الأسفل',
    'Remove wrong answer {n}': 'إزالة الإجابة الخاطئة {n}',
    'Add hint': 'إضافة تلميح',
    'Move hint {n} up': 'نقل التلميح {n} إلى الأعلى',
    'Move hint {n} down': 'نقل التلميح {n} إلى الأسفل',
    'Remove hint {n}': 'إزالة التلميح {n}',
    'Add skill': 'إضافة مهارة',
    'Move skill {n} up': 'نقل المهارة {n} إلى الأعلى',
    'Move skill {n} down': 'نقل المهارة {n} إلى الأسفل',
    'Remove skill {n}': 'إزالة المهارة {n}',
    Remove: 'إزالة',
    'Moved to place {n}.': 'نُقل إلى المكان {n}.',
    'Removed. Undo brings it back.': 'أُزيل. «تراجع» يعيده.',
    'Right answer (a number, a fraction such as 3/4, or {{…}})': 'الإجابة الصحيحة (عدد، أو كسر مثل 3/4، أو {{…}})',
    'Tolerance (how far from the answer still counts as right)': 'التسامح (مقدار البعد عن الإجابة الذي يبقى صحيحًا)',
    'Unit (optional, e.g. cm)': 'الوحدة (اختياري، مثل cm)',
    'The letter the answer must be solved for (optional)': 'الحرف الذي يجب عزله في الإجابة (اختياري)',
    'Accepted answers': 'الإجابات المقبولة',
    'Accepted answer {n}': 'الإجابة المقبولة {n}',
    'Capitals, spaces, accents and a final full stop do not count.':
      'لا تُحتسب الأحرف الكبيرة والمسافات وعلامات التشكيل والنقطة الأخيرة.',
    'Capitals count': 'الأحرف الكبيرة تُحتسب',
    'Entries, in the right order (learners see them shuffled)': 'العناصر بالترتيب الصحيح (يراها المتعلمون مخلوطة)',
    'Entry {n}': 'العنصر {n}',
    Blanks: 'الفراغات',
    'Accepted answers for [[{n}]], one per line': 'الإجابات المقبولة للفراغ [[{n}]]، إجابة في كل سطر',
    'Write [[1]], [[2]]… in the prompt where each blank goes. Adding a blank adds its mark at the end of the prompt.':
      'اكتب [[1]] و[[2]]… في نص السؤال مكان كل فراغ. إضافة فراغ تضيف علامته في آخر نص السؤال.',
    'Pairs (learners pick the right side from a list)': 'الأزواج (يختار المتعلمون الطرف المقابل من قائمة)',
    'Left {n}': 'الطرف الأول {n}',
    'Matches {n}': 'يقابله {n}',
    'Extra wrong right-hand entries, one per line (optional)': 'عناصر مقابلة إضافية خاطئة، عنصر في كل سطر (اختياري)',
    'Steps (answered one after the other)': 'الخطوات (يُجاب عنها واحدة بعد الأخرى)',
    'Step {n}: question': 'الخطوة {n}: السؤال',
    'Step {n}: type of answer': 'الخطوة {n}: نوع الإجابة',
    'Step {n}: hints': 'الخطوة {n}: التلميحات',
    'Step {n}: worked solution (optional)': 'الخطوة {n}: الحل المفصل (اختياري)',
    'This page cannot edit items of type {type}; they are kept as they are.':
      'لا تستطيع هذه الصفحة تعديل تمارين من نوع {type}؛ تبقى كما هي.',
    'Choice {n}': 'الخيار {n}',
    'Choice {n} is right': 'الخيار {n} صحيح',
    'Feedback when choice {n} is picked (optional)': 'ملاحظة عند اختيار الخيار {n} (اختياري)',
    'Shuffle the choices': 'خلط الخيارات',
    'Typical wrong answers and what to tell the learner (optional)': 'إجابات خاطئة شائعة وما يقال للمتعلم (اختياري)',
    'Wrong answer {n}': 'الإجابة الخاطئة {n}',
    'Feedback for wrong answer {n}': 'رسالة للإجابة الخاطئة {n}',
    'Hint {n}': 'التلميح {n}',
    'Hint {n} asks a smaller question': 'التلميح {n} يطرح سؤالًا أبسط',
    'Smaller question of hint {n}': 'السؤال الأبسط للتلميح {n}',
    'Type of its answer': 'نوع إجابته',
    'Numbers drawn at random (a template)': 'أعداد تُسحب عشوائيًا (قالب)',
    'With a template, each learner gets other numbers: write {{a}} in the prompt and {{a * b}} in the answer.':
      'مع القالب، يحصل كل متعلم على أعداد أخرى: اكتب {{a}} في نص السؤال و{{a * b}} في الإجابة.',
    'Add a template': 'إضافة قالب',
    'Variable {n}: name': 'المتغير {n}: الاسم',
    'Smallest {name}': 'أصغر قيمة لـ {name}',
    'Largest {name}': 'أكبر قيمة لـ {name}',
    'Step of {name} (optional)': 'خطوة {name} (اختياري)',
    'Remove variable {name}': 'إزالة المتغير {name}',
    '{name} is one of {values}.': '{name} إحدى القيم: {values}.',
    Variables: 'المتغيرات',
    'Add a variable': 'إضافة متغير',
    'Conditions that must hold, one per line (a != b, gcd(a, b) == 1)':
      'شروط يجب أن تتحقق، شرط في كل سطر (a != b، gcd(a, b) == 1)',
    'Remove the template': 'إزالة القالب',
    'No item yet. Choose a type under "Items" and add one.': 'لا تمارين بعد. اختر نوعًا تحت «التمارين» وأضف تمرينًا.',
    'Skills it practises': 'المهارات التي يتدرب عليها',
    'Other ({value})': 'أخرى ({value})',
    'Try it in the preview': 'جرّبه في المعاينة',
    'Problems of this item': 'مشكلات هذا التمرين',
    'Item id (stays the same across versions; progress is kept under it)':
      'معرّف التمرين (يبقى نفسه بين الإصدارات؛ يُحفظ التقدم باسمه)',
    Type: 'النوع',
    Question: 'السؤال',
    Difficulty: 'الصعوبة',
    'Hints (shown one at a time, when asked)': 'التلميحات (تظهر واحدًا تلو الآخر عند الطلب)',
    'Worked solution (shown after the answer, optional)': 'الحل المفصل (يظهر بعد الإجابة، اختياري)',
    '(no id)': '(بلا معرّف)',
    'Prerequisites of skill {n}': 'متطلبات المهارة {n}',
    'Add another skill to choose prerequisites.': 'أضف مهارة أخرى لاختيار المتطلبات.',
    'Skill {n}: name': 'المهارة {n}: الاسم',
    'Skill {n}: id (items refer to it)': 'المهارة {n}: المعرّف (تشير إليه التمارين)',
    'Skill {n}: description (optional)': 'المهارة {n}: الوصف (اختياري)',
    'Title (shown at the top of the widget)': 'العنوان (يظهر أعلى الأداة)',
    'Bank id (learners’ progress is kept under it: keep it when you publish a new version)':
      'معرّف البنك (يُحفظ تقدم المتعلمين باسمه: احتفظ به عند نشر إصدار جديد)',
    'Bank id: {id}. Learners’ progress is kept under it: keep it when you publish a new version (Bank settings).':
      'معرّف البنك: {id}. يُحفظ تقدم المتعلمين باسمه: احتفظ به عند نشر إصدار جديد (إعدادات البنك).',
    Version: 'الإصدار',
    'Language of the items': 'لغة التمارين',
    'Mastery threshold (0.8: a skill is mastered at 80% predicted success)':
      'عتبة الإتقان (0.8: تُتقن المهارة عند نجاح متوقع بنسبة 80%)',
    'Target success (0.75: items are chosen that the learner gets right 3 times in 4)':
      'النجاح المستهدف (0.75: تُختار تمارين يجيب عنها المتعلم صحيحًا 3 مرات من 4)',
    'Answers needed before a skill can be mastered (4)': 'عدد الإجابات اللازمة قبل إتقان مهارة (4)',
    'Licence (optional)': 'الترخيص (اختياري)',
    'Attribution (optional)': 'نسبة العمل (اختياري)',
    'Item {n} ({id}): {message}': 'التمرين {n} ({id}): {message}',
    'Skill {n} ({name}): {message}': 'المهارة {n} ({name}): {message}',
    'Also {warnings}.': 'وأيضًا {warnings}.',
    'No errors: the widget will play this bank.': 'لا أخطاء: ستشغّل الأداة هذا البنك.',
    Error: 'خطأ',
    Warning: 'تنبيه',
    'Error: {message}': 'خطأ: {message}',
    'Warning: {message}': 'تنبيه: {message}',
    'The selected item is shown here.': 'يظهر التمرين المختار هنا.',
    'The preview cannot start: {reason}': 'لا يمكن بدء المعاينة: {reason}',
    'The preview has nothing to answer: see what it says.': 'لا شيء للإجابة عنه في المعاينة: اقرأ ما تقوله.',
    'This browser does not let the page keep a draft: save the bank file before you close the tab.':
      'لا يسمح هذا المتصفح للصفحة بحفظ مسودة: احفظ ملف البنك قبل إغلاق التبويب.',
    '{name} is not a bank file (it is not JSON: {reason}). Nothing was changed.':
      'الملف {name} ليس ملف بنك (ليس JSON: {reason}). لم يتغير شيء.',
    '{name} is not a bank file (a bank is a JSON object with items and skills). Nothing was changed.':
      'الملف {name} ليس ملف بنك (البنك كائن JSON فيه تمارين ومهارات). لم يتغير شيء.',
    'Added an item ({type}). Write its question.': 'أُضيف تمرين ({type}). اكتب سؤاله.',
    'Duplicated.': 'تم التكرار.',
    'Deleted {id}. Undo brings it back.': 'حُذف {id}. «تراجع» يعيده.',
    'Started a new bank. Undo brings the previous one back.': 'بدأ بنك جديد. «تراجع» يعيد البنك السابق.',
    'the server answered {status}': 'أجاب الخادم {status}',
    'Could not open {name}: {reason}. Nothing was changed.': 'تعذّر فتح {name}: {reason}. لم يتغير شيء.',
    'No item added. {notes}': 'لم يُضف أي تمرين. {notes}',
    'Paste rows first.': 'الصق صفوفًا أولًا.',
    'Your draft from {when} is back. Start a new bank or open a file to work on another.':
      'عادت مسودتك من {when}. ابدأ بنكًا جديدًا أو افتح ملفًا للعمل على غيره.',
    'The checker could not start ({reason}): problems are not shown. Run "make build" to build it.':
      'تعذّر بدء أداة الفحص ({reason}): لا تظهر المشكلات. شغّل «make build» لبنائها.',
    '{n} problems': {
      zero: 'لا مشكلات',
      one: 'مشكلة واحدة',
      two: 'مشكلتان',
      few: '{n} مشكلات',
      many: '{n} مشكلة',
      other: '{n} مشكلة',
    },
    '{n} warnings (worth a look; the bank plays)': {
      zero: 'لا تنبيهات',
      one: 'تنبيه واحد (يستحق النظر؛ البنك يعمل)',
      two: 'تنبيهان (يستحقان النظر؛ البنك يعمل)',
      few: '{n} تنبيهات (تستحق النظر؛ البنك يعمل)',
      many: '{n} تنبيهًا (تستحق النظر؛ البنك يعمل)',
      other: '{n} تنبيه (تستحق النظر؛ البنك يعمل)',
    },
    '{n} errors: the widget will not play the bank until they are fixed.': {
      zero: 'لا أخطاء.',
      one: 'خطأ واحد: لن تشغّل الأداة البنك حتى يُصلح.',
      two: 'خطآن: لن تشغّل الأداة البنك حتى يُصلحا.',
      few: '{n} أخطاء: لن تشغّل الأداة البنك حتى تُصلح.',
      many: '{n} خطأً: لن تشغّل الأداة البنك حتى تُصلح.',
      other: '{n} خطأ: لن تشغّل الأداة البنك حتى تُصلح.',
    },
    'Opened {name}: {n} items. Undo goes back to what you had.': {
      zero: 'فُتح {name}: لا تمارين. «تراجع» يعيد ما كان لديك.',
      one: 'فُتح {name}: تمرين واحد. «تراجع» يعيد ما كان لديك.',
      two: 'فُتح {name}: تمرينان. «تراجع» يعيد ما كان لديك.',
      few: 'فُتح {name}: {n} تمارين. «تراجع» يعيد ما كان لديك.',
      many: 'فُتح {name}: {n} تمرينًا. «تراجع» يعيد ما كان لديك.',
      other: 'فُتح {name}: {n} تمرين. «تراجع» يعيد ما كان لديك.',
    },
    'The bank has {n} errors: the widget will refuse to play it until they are fixed. Save it anyway, to go on later?':
      {
        zero: 'لا أخطاء في البنك.',
        one: 'في البنك خطأ واحد: سترفض الأداة تشغيله حتى يُصلح. أتحفظه على أي حال لتكمل لاحقًا؟',
        two: 'في البنك خطآن: سترفض الأداة تشغيله حتى يُصلحا. أتحفظه على أي حال لتكمل لاحقًا؟',
        few: 'في البنك {n} أخطاء: سترفض الأداة تشغيله حتى تُصلح. أتحفظه على أي حال لتكمل لاحقًا؟',
        many: 'في البنك {n} خطأً: سترفض الأداة تشغيله حتى تُصلح. أتحفظه على أي حال لتكمل لاحقًا؟',
        other: 'في البنك {n} خطأ: سترفض الأداة تشغيله حتى تُصلح. أتحفظه على أي حال لتكمل لاحقًا؟',
      },
    'Saved {name} ({n} items). Put it next to your page and point the widget at it.': {
      zero: 'حُفظ {name} (لا تمارين). ضعه بجانب صفحتك ووجّه الأداة إليه.',
      one: 'حُفظ {name} (تمرين واحد). ضعه بجانب صفحتك ووجّه الأداة إليه.',
      two: 'حُفظ {name} (تمرينان). ضعه بجانب صفحتك ووجّه الأداة إليه.',
      few: 'حُفظ {name} ({n} تمارين). ضعه بجانب صفحتك ووجّه الأداة إليه.',
      many: 'حُفظ {name} ({n} تمرينًا). ضعه بجانب صفحتك ووجّه الأداة إليه.',
      other: 'حُفظ {name} ({n} تمرين). ضعه بجانب صفحتك ووجّه الأداة إليه.',
    },
    '{n} questions found': {
      zero: 'لم يوجد أي سؤال',
      one: 'وُجد سؤال واحد',
      two: 'وُجد سؤالان',
      few: 'وُجدت {n} أسئلة',
      many: 'وُجد {n} سؤالًا',
      other: 'وُجد {n} سؤال',
    },
    '{n} problems found': {
      zero: 'لم توجد أي مسألة',
      one: 'وُجدت مسألة واحدة',
      two: 'وُجدت مسألتان',
      few: 'وُجدت {n} مسائل',
      many: 'وُجدت {n} مسألة',
      other: 'وُجدت {n} مسألة',
    },
    '{n} items found': {
      zero: 'لم يوجد أي تمرين',
      one: 'وُجد تمرين واحد',
      two: 'وُجد تمرينان',
      few: 'وُجدت {n} تمارين',
      many: 'وُجد {n} تمرينًا',
      other: 'وُجد {n} تمرين',
    },
    '{n} items written': {
      zero: 'لم يُكتب أي تمرين',
      one: 'كُتب تمرين واحد',
      two: 'كُتب تمرينان',
      few: 'كُتبت {n} تمارين',
      many: 'كُتب {n} تمرينًا',
      other: 'كُتب {n} تمرين',
    },
    '{n} skipped': {
      zero: 'لم يُترك شيء',
      one: 'تُرك واحد',
      two: 'تُرك اثنان',
      few: 'تُركت {n}',
      many: 'تُرك {n}',
      other: 'تُرك {n}',
    },
    'Added {n} items.': {
      zero: 'لم يُضف أي تمرين.',
      one: 'أُضيف تمرين واحد.',
      two: 'أُضيف تمرينان.',
      few: 'أُضيفت {n} تمارين.',
      many: 'أُضيف {n} تمرينًا.',
      other: 'أُضيف {n} تمرين.',
    },
    'New skills: {n}.': {
      zero: 'لا مهارات جديدة.',
      one: 'مهارة جديدة واحدة.',
      two: 'مهارتان جديدتان.',
      few: '{n} مهارات جديدة.',
      many: '{n} مهارة جديدة.',
      other: '{n} مهارة جديدة.',
    },
    // The importers of Moodle XML, QTI and zipped packages (issue 15).
    'Moodle XML and QTI items (.xml), and QTI packages or zipped OATutor folders (.zip), open the same way.':
      'تُفتح أسئلة Moodle XML وQTI (‎.xml)، وحزم QTI أو مجلدات OATutor المضغوطة (‎.zip)، بالطريقة نفسها.',
    'Nothing in {name} could be made into an item ({summary}). Your bank was not changed; the notes below say why.':
      'لم يمكن تحويل أي شيء في {name} إلى تمرين ({summary}). لم يتغير بنكك؛ الملاحظات أدناه تشرح السبب.',
    'Save {address} (put it at this address next to the bank file)':
      'احفظ {address} (ضع الملف في هذا العنوان بجانب ملف البنك)',
  },
};

let current = 'en';

/** The page's language: the one chosen before on this browser, else the browser's, else English. */
export function language() {
  return current;
}

export function chooseLanguage(saved, preferred) {
  const known = new Set(PAGE_LANGUAGES.map(([code]) => code));
  if (known.has(saved)) return saved;
  for (const tag of preferred) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (known.has(base)) return base;
  }
  return 'en';
}

export function setLanguage(code, { remember = true } = {}) {
  current = CATALOGS[code] ? code : 'en';
  document.documentElement.lang = current;
  document.documentElement.dir = RIGHT_TO_LEFT.has(current) ? 'rtl' : 'ltr';
  if (remember) {
    try {
      localStorage.setItem(LANGUAGE_KEY, current);
    } catch {
      // Storage blocked: the choice lasts until the tab closes.
    }
  }
}

export function savedLanguage() {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The checker's problems by code (crates/engine/src/bank_check/problems.rs; the studio's
 * `diagnosticCodes()` lists them), in French and Arabic; English is the engine's own words
 * (`message`). A `{detail}` is words of another part of the engine, translated by `detailWords`
 * (author-i18n-details.js).
 */
export const DIAGNOSTICS = {
  fr: {
    notJson: 'le fichier n’est pas du JSON valide : {detail}',
    notAnObject: 'une banque doit être un objet JSON',
    emptyHeaderField: '`{key}` doit être un texte non vide',
    missingHeaderField: 'la banque n’a pas de `{key}`',
    unreadableSettings: 'les réglages ne se lisent pas ({detail})',
    missingList: 'la banque n’a pas de liste `{key}`',
    notAList: '`{key}` doit être une liste',
    unreadableElement: 'cette partie ne se lit pas ({detail})',
    skillIdUsedTwice: 'l’identifiant de compétence {id} est utilisé deux fois',
    unknownSkill: 'compétence inconnue : {skill}',
    prerequisiteCycle: 'les prérequis forment une boucle : {cycle}',
    itemIdUsedTwice: 'l’identifiant d’exercice {id} est utilisé deux fois',
    noSkill: 'un exercice a besoin d’au moins une compétence',
    emptyPrompt: 'la question est vide',
    difficultyOutOfRange: 'la difficulté doit être comprise entre -6 et 6',
    missingGap: 'la question n’a pas de trou [[{number}]]',
    gapWithoutBlank: 'la question contient [[{number}]] mais il n’y a pas de trou {number}',
    fewItemsForSkill: 'exercices qui travaillent cette compétence : {count} ; la maîtrise demande {needed} réponses',
    settingOutOfRange: 'doit être compris entre {min} et {max}',
    inVariant: 'dans la variante tirée avec la graine {seed} : {problem}',
    templateProblem: 'le modèle ne fonctionne pas ({detail})',
    hintWithoutText: 'un indice a besoin d’un texte ou d’une question plus simple',
    stepWithSteps: 'une étape ne peut pas avoir elle-même des étapes',
    answerProblem: 'réponse à revoir ({detail})',
    fewChoices: 'un exercice à choix a besoin d’au moins deux choix',
    answerChoiceMissing: 'la réponse est le choix {answer}, mais il n’y a que {count} choix (comptés à partir de 0)',
    noRightChoice: 'au moins un choix doit être juste',
    noSuchChoice: 'il n’y a pas de choix {answer} (comptés à partir de 0)',
    negativeTolerance: 'la tolérance doit être un nombre supérieur ou égal à 0',
    answerNotFinite: 'la réponse {answer} n’est pas un nombre fini',
    answerOutsideTolerance: 'la réponse ne respecte pas sa propre tolérance',
    wrongAnswerIsRight: 'cette réponse fausse est égale à la bonne réponse',
    noAcceptedAnswer: 'un exercice à réponse courte a besoin d’au moins une réponse acceptée',
    fewEntries: 'un exercice de mise en ordre a besoin d’au moins deux éléments',
    noBlanks: 'un texte à trous a besoin d’au moins un trou',
    emptyBlank: 'un trou a besoin de réponses acceptées ou d’un nombre',
    fewPairs: 'un exercice d’association a besoin d’au moins deux paires',
    noSteps: 'un exercice en étapes a besoin d’au moins une étape',
    markupProblem: 'mise en forme ou maths à corriger ({detail})',
    unreadableCalibration: 'le bloc de calibration ne se lit pas : {detail}',
    calibrationUnknownItem:
      'la calibration a des paramètres pour {id}, qui n’est pas un exercice (ou une étape) de la banque : ils sont ignorés',
    calibrationUnknownSkill:
      'la calibration a des paramètres pour {id}, qui n’est pas une compétence de la banque : ils sont ignorés',
    remoteMedia:
      'le média {address} est sur un autre site : le widget ne le charge que si la page liste son origine dans `media-origins`, et le charger indique à ce site quels exercices un élève voit',
  },
  ar: {
    notJson: 'الملف ليس JSON صالحًا: {detail}',
    notAnObject: 'يجب أن يكون البنك كائن JSON',
    emptyHeaderField: 'يجب أن يكون `{key}` نصًا غير فارغ',
    missingHeaderField: 'ليس في البنك `{key}`',
    unreadableSettings: 'تتعذر قراءة الإعدادات ({detail})',
    missingList: 'ليس في البنك قائمة `{key}`',
    notAList: 'يجب أن يكون `{key}` قائمة',
    unreadableElement: 'تتعذر قراءة هذا الجزء ({detail})',
    skillIdUsedTwice: 'معرّف المهارة {id} مستخدم مرتين',
    unknownSkill: 'مهارة غير معروفة: {skill}',
    prerequisiteCycle: 'المتطلبات السابقة تشكّل حلقة: {cycle}',
    itemIdUsedTwice: 'معرّف التمرين {id} مستخدم مرتين',
    noSkill: 'يحتاج التمرين إلى مهارة واحدة على الأقل',
    emptyPrompt: 'نص السؤال فارغ',
    difficultyOutOfRange: 'يجب أن تكون الصعوبة بين ‎-6 و6',
    missingGap: 'ليس في نص السؤال الفراغ [[{number}]]',
    gapWithoutBlank: 'في نص السؤال الفراغ [[{number}]] لكن ليس في التمرين فراغ رقم {number}',
    fewItemsForSkill: 'عدد التمارين التي تتدرب على هذه المهارة: {count}؛ ويحتاج الإتقان إلى {needed} إجابات',
    settingOutOfRange: 'يجب أن تكون القيمة بين {min} و{max}',
    inVariant: 'في الصيغة المسحوبة بالبذرة {seed}: {problem}',
    templateProblem: 'القالب لا يعمل ({detail})',
    hintWithoutText: 'يحتاج التلميح إلى نص أو إلى سؤال أبسط',
    stepWithSteps: 'لا يمكن أن تكون للخطوة خطوات',
    answerProblem: 'راجع الإجابة ({detail})',
    fewChoices: 'يحتاج تمرين الاختيار إلى خيارين على الأقل',
    answerChoiceMissing: 'الإجابة هي الخيار {answer} لكن عدد الخيارات {count} فقط (العدّ يبدأ من 0)',
    noRightChoice: 'يجب أن يكون خيار واحد على الأقل صحيحًا',
    noSuchChoice: 'لا يوجد خيار {answer} (العدّ يبدأ من 0)',
    negativeTolerance: 'يجب أن يكون هامش التسامح عددًا أكبر من 0 أو يساويه',
    answerNotFinite: 'الإجابة {answer} ليست عددًا منتهيًا',
    answerOutsideTolerance: 'الإجابة لا تحقق هامش التسامح الخاص بها',
    wrongAnswerIsRight: 'هذه الإجابة الخاطئة تساوي الإجابة الصحيحة',
    noAcceptedAnswer: 'يحتاج تمرين الإجابة القصيرة إلى إجابة مقبولة واحدة على الأقل',
    fewEntries: 'يحتاج تمرين الترتيب إلى عنصرين على الأقل',
    noBlanks: 'يحتاج تمرين ملء الفراغات إلى فراغ واحد على الأقل',
    emptyBlank: 'يحتاج الفراغ إلى إجابات مقبولة أو إلى عدد',
    fewPairs: 'يحتاج تمرين المطابقة إلى زوجين على الأقل',
    noSteps: 'يحتاج التمرين متعدد الخطوات إلى خطوة واحدة على الأقل',
    markupProblem: 'صحّح التنسيق أو الرياضيات ({detail})',
    unreadableCalibration: 'تتعذر قراءة كتلة المعايرة: {detail}',
    calibrationUnknownItem: 'في المعايرة معاملات لـ {id}، وهو ليس تمرينًا (أو خطوة) في البنك: تُهمَل',
    calibrationUnknownSkill: 'في المعايرة معاملات لـ {id}، وهي ليست مهارة في البنك: تُهمَل',
    remoteMedia:
      'الوسائط {address} على موقع آخر: لا تحمّلها الأداة إلا إذا ذكرت الصفحة مصدرها في `media-origins`، وتحميلها يُعلم ذلك الموقع بالتمارين التي يراها المتعلم',
  },
};

/** A checker problem in the page's language: by its code, else the engine's English words. */
export function problemWords(problem) {
  const text = DIAGNOSTICS[current]?.[problem.code];
  if (typeof text !== 'string') return problem.message;
  const values = { ...problem.params };
  if (problem.inner) values.problem = problemWords(problem.inner);
  if (typeof values.detail === 'string') values.detail = detailWords(values.detail).text;
  return fill(text, values);
}

/** The detail patterns of a language as regular expressions, the most specific first. */
const detailPatterns = new Map();
function patternsOf(code) {
  if (!detailPatterns.has(code)) {
    const patterns = Object.entries(DETAILS[code] ?? {}).map(([english, words]) => {
      const names = [];
      const source = english
        .split(/(\{\w+\})/)
        .map((part, index) => {
          if (index % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(part.slice(1, -1));
          return '([\\s\\S]+?)';
        })
        .join('');
      return { regex: new RegExp(`^${source}$`), names, words, literal: english.replace(/\{\w+\}/g, '').length };
    });
    patterns.sort((a, b) => b.literal - a.literal);
    detailPatterns.set(code, patterns);
  }
  return detailPatterns.get(code);
}

/**
 * One of the engine's English detail sentences in the page's language (`code`, else the page's):
 * `{ text, complete }`, `complete` false when some part of it is not in author-i18n-details.js
 * (that part stays in English). A value named `problem` or `part` is translated in turn.
 */
export function detailWords(detail, code = current) {
  if (code === 'en') return { text: detail, complete: true };
  for (const { regex, names, words } of patternsOf(code)) {
    const found = regex.exec(detail);
    if (!found) continue;
    let complete = true;
    const values = {};
    names.forEach((name, index) => {
      values[name] = found[index + 1];
      if (name === 'problem' || name === 'part') {
        const inner = detailWords(values[name], code);
        values[name] = inner.text;
        complete &&= inner.complete;
      }
    });
    // Not `fill`: the words keep the engine's values as they are, a right-to-left page isolates
    // the whole detail where it is shown.
    return { text: words.replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole), complete };
  }
  return { text: detail, complete: false };
}

/** A name translated where it is shown (the key check finds it). */
export function mark(key) {
  return key;
}

/**
 * Fills `{name}` placeholders. On a right-to-left page each value is isolated (U+2068 … U+2069):
 * a file name, an id or the engine's English words keep their own direction and punctuation.
 */
function fill(text, values) {
  const isolate = RIGHT_TO_LEFT.has(current) ? (value) => `\u2068${value}\u2069` : (value) => value;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? isolate(String(values[name])) : whole));
}

/**
 * The text of `key` in the language `code` (a BCP 47 tag: its first part picks the catalog) when
 * this page has that language, else in the page's own: for what the page writes for learners.
 */
export function tIn(code, key, values = {}) {
  const found = CATALOGS[String(code ?? '').split('-')[0]]?.[key];
  return typeof found === 'string' ? fill(found, values) : t(key, values);
}

/** The text of `key` in the page's language, with `{name}` placeholders filled from `values`. */
export function t(key, values = {}) {
  const found = CATALOGS[current]?.[key];
  return fill(typeof found === 'string' ? found : key, values);
}

/** The plural form of `key` for `count` in the page's language; `{n}` is the count. */
export function tn(count, key, values = {}) {
  const category = new Intl.PluralRules(current).select(count);
  const forms = current === 'en' ? { ...ENGLISH_PLURALS[key], other: key } : CATALOGS[current]?.[key];
  const form = (typeof forms === 'object' && (forms[category] ?? forms.other)) || key;
  return fill(form, { ...values, n: count });
}

/** English plural forms, for the key check. */
export function englishPlurals() {
  return ENGLISH_PLURALS;
}

/** Translates author.html's static text: `data-i18n` elements and `data-i18n-*` attributes. */
export function translatePage(root = document) {
  if (root === document) document.title = `${t('Write practice items')} · adaptive-practice`;
  for (const node of root.querySelectorAll('[data-i18n]')) {
    node.dataset.i18n ||= node.textContent.replace(/\s+/g, ' ').trim();
    node.textContent = t(node.dataset.i18n);
  }
  for (const node of root.querySelectorAll('[data-i18n-attributes]')) {
    for (const name of node.dataset.i18nAttributes.split(' ')) {
      const keyName = `i18n${name.replace(/(^|-)(\w)/g, (_, __, letter) => letter.toUpperCase())}`;
      node.dataset[keyName] ||= node.getAttribute(name);
      node.setAttribute(name, t(node.dataset[keyName]));
    }
  }
}
