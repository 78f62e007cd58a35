"""The supervisor's checklist editor: steps, answers, severities, grade rule, preview, history."""
