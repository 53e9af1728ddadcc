;;; lspmode.el --- Drives Emacs with lsp-mode (batch) as a writer would use baogao in it  -*- lexical-binding: t -*-
;; Loads README's lsp-mode configuration as written (BAOGAO_CONFIG; `baogao` is on PATH), opens a report,
;; reads its diagnostics as lsp-mode places them in the buffer (`lsp--range-to-region`, what Flymake and
;; Flycheck are given), types a character (lsp-mode's own didChange), undoes it, formats and renames a
;; figure with lsp-mode's own edit code, and shuts the server down. Everything seen goes to one JSON file
;; that test/editors/lspmode.test.ts compares with the `baogao` command and a reference client.
;; Inputs come from the environment (see the test).
(require 'lsp-mode)
(load (expand-file-name "common.el" (file-name-directory load-file-name)) nil t)

;; A session of its own (no ~/.emacs.d), and none of lsp-mode's extras this Emacs has not loaded.
(setq lsp-session-file (expand-file-name "session" (make-temp-file "baogao-lsp-" t))
      lsp-keep-workspace-alive nil lsp-enable-file-watchers nil lsp-restart 'ignore
      lsp-headerline-breadcrumb-enable nil lsp-modeline-code-actions-enable nil lsp-modeline-diagnostics-enable nil
      lsp-modeline-workspace-status-enable nil lsp-lens-enable nil lsp-enable-snippet nil)
(eval (car (read-from-string (concat "(progn " (getenv "BAOGAO_CONFIG") ")"))) t)
(add-hook 'lsp-diagnostics-updated-hook (lambda () (setq baogao-published (1+ baogao-published))))

(defun baogao-diagnostics ()
  (vconcat
   (mapcar (lambda (d)
             (let ((region (lsp--range-to-region (lsp:diagnostic-range d))))
               `((code . ,(lsp:diagnostic-code? d))
                 (severity . ,(lsp:diagnostic-severity? d))
                 (start . ,(vconcat (baogao-where (car region))))
                 (end . ,(vconcat (baogao-where (cdr region)))))))
           (gethash (buffer-file-name) (lsp-diagnostics t)))))

(defun baogao-goto (at)
  "Move to a line and a column in characters (the test counts them)."
  (goto-char (point-min))
  (forward-line (alist-get 'line at))
  (forward-char (alist-get 'column at)))

(condition-case err
    (progn
      (find-file (getenv "BAOGAO_REPORT"))
      (unless (eq major-mode 'baogao-mode) (baogao-finish (format "README's configuration did not open the report in baogao-mode (%s)" major-mode)))
      (lsp-workspace-folders-add (file-name-directory (buffer-file-name)))
      ;; README's hook ran lsp-deferred, which starts lsp-mode once Emacs is idle with the buffer shown:
      ;; batch Emacs is never idle, so the driver starts it as lsp-deferred then does.
      (lsp)
      (unless (baogao-settle 0) (baogao-finish "no diagnostics published after opening"))
      (push `(opened . ((diagnostics . ,(baogao-diagnostics)) (text . ,(baogao-text)))) baogao-result)

      (let ((seen baogao-published) (typed (alist-get 'type baogao-plan)))
        (baogao-goto typed)
        (insert (alist-get 'text typed))
        (unless (baogao-settle seen) (baogao-finish "no diagnostics after typing"))
        (push `(typed . ((diagnostics . ,(baogao-diagnostics)) (text . ,(baogao-text)))) baogao-result)
        (setq seen baogao-published)
        (undo-boundary)  ; the command loop would set it between the typing and the undo
        (undo-only)
        (unless (baogao-settle seen) (baogao-finish "no diagnostics after undo"))
        (push `(undone . ((diagnostics . ,(baogao-diagnostics)) (text . ,(baogao-text)))) baogao-result))

      (let ((original (baogao-text)))
        (lsp-format-buffer)
        (push `(formatted . ,(baogao-text)) baogao-result)
        (erase-buffer)
        (insert original))
      (when-let ((rename (alist-get 'rename baogao-plan)))
        (baogao-goto rename)
        (lsp-rename (alist-get 'newName rename))
        (push `(renamed . ,(baogao-text)) baogao-result))

      (let* ((workspace (car (lsp-workspaces)))
             (process (lsp--workspace-proc workspace)))
        (lsp-workspace-shutdown workspace)
        (let ((deadline (+ (float-time) 10)))
          (while (and (process-live-p process) (< (float-time) deadline)) (accept-process-output nil 0.05)))
        (push `(stopped . ,(if (process-live-p process) :json-false t)) baogao-result))
      (baogao-finish))
  (error (baogao-finish (format "%S" err))))
