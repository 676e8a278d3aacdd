// The stand-in LMS: a scorm-again SCORM 2004 runtime for the package in the frame below, and a
// live view of what the package has reported.
window.API_1484_11 = new window.Scorm2004API({ autocommit: false, logLevel: 5 });
function showState() {
  const cmi = window.API_1484_11.cmi;
  const state = document.getElementById('lms-state');
  if (state) {
    state.textContent = `completion: ${cmi.completion_status}, success: ${cmi.success_status}, score: ${cmi.score.scaled || '–'} (${cmi.score.raw || 0} of ${cmi.score.max || '?'} skills)`;
  }
}
window.API_1484_11.on('Commit', showState);
