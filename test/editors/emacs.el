;;; emacs.el --- Drives Emacs with Eglot (batch) as a writer would use baogao in it  -*- lexical-binding: t -*-
;; Opens a report with the language server attached, reads the diagnostics Eglot hands Flymake (buffer
;; positions, what a user sees), types a character (Eglot sends its UTF-16 range), undoes it, formats and
;; renames a figure with Eglot's own edit code, and shuts the server down. Everything seen goes to one
;; JSON file that test/editors/emacs.test.ts compares with the `baogao` command and a reference client.
;; Inputs come from the environment (see the test).
(require 'eglot)
(load (expand-file-name "common.el" (file-name-directory load-file-name)) nil t)

(define-derived-mode baogao-mode text-mode "报告")
(advice-add 'eglot-handle-notification :after
            (lambda (_server method &rest _) (when (eq method 'textDocument/publishDiagnostics) (setq baogao-published (1+ baogao-published)))))

(defun baogao-diagnostics ()
  (vconcat
   (mapcar (lambda (d)
             (let ((lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d))))
               `((code . ,(plist-get lsp :code))
                 (severity . ,(plist-get lsp :severity))
                 (start . ,(vconcat (baogao-where (flymake-diagnostic-beg d))))
                 (end . ,(vconcat (baogao-where (flymake-diagnostic-end d))))
                 (lspRange . ,(let ((r (plist-get lsp :range)))
                                (vector (plist-get (plist-get r :start) :line) (plist-get (plist-get r :start) :character)
                                        (plist-get (plist-get r :end) :line) (plist-get (plist-get r :end) :character)))))))
           (or eglot--diagnostics (flymake-diagnostics)))))

(defun baogao-send-changes ()
  "What Eglot's idle timer does after typing: batch Emacs is never idle, so the timer would never fire."
  (when eglot--change-idle-timer
    (cancel-timer eglot--change-idle-timer)
    (setq eglot--change-idle-timer nil)
    (eglot--signal-textDocument/didChange)))

(defun baogao-goto (position)
  "Move to an LSP position (UTF-16) with Eglot's own conversion."
  (goto-char (point-min))
  (forward-line (alist-get 'line position))
  (funcall eglot-move-to-column-function (alist-get 'character position)))

(condition-case err
    (progn
      (setq eglot-sync-connect t eglot-send-changes-idle-time 0.05 eglot-autoshutdown nil)
      (find-file (getenv "BAOGAO_REPORT"))
      (baogao-mode)
      (let ((dir (file-name-directory (buffer-file-name))))
        (eglot '(baogao-mode) (cons 'transient dir) 'eglot-lsp-server (list "node" (getenv "BAOGAO_SERVER") "--stdio") "baogao"))
      (unless (baogao-settle 0) (baogao-finish "no diagnostics published after opening"))
      (push `(opened . ((diagnostics . ,(baogao-diagnostics)) (text . ,(baogao-text)))) baogao-result)

      (let ((seen baogao-published) (typed (alist-get 'type baogao-plan)))
        (baogao-goto typed)
        (insert (alist-get 'text typed))
        (baogao-send-changes)
        (unless (baogao-settle seen) (baogao-finish "no diagnostics after typing"))
        (push `(typed . ((diagnostics . ,(baogao-diagnostics)) (text . ,(baogao-text)))) baogao-result)
        (setq seen baogao-published)
        (undo-boundary)  ; the command loop would set it between the typing and the undo
        (undo-only)
        (baogao-send-changes)
        (unless (baogao-settle seen) (baogao-finish "no diagnostics after undo"))
        (push `(undone . ((diagnostics . ,(baogao-diagnostics)) (text . ,(baogao-text)))) baogao-result))

      (let ((original (baogao-text)))
        (eglot-format-buffer)
        (push `(formatted . ,(baogao-text)) baogao-result)
        (erase-buffer)
        (insert original))
      (when-let ((rename (alist-get 'rename baogao-plan)))
        (baogao-goto rename)
        (eglot-rename (alist-get 'newName rename))
        (push `(renamed . ,(baogao-text)) baogao-result))

      (let ((server (eglot-current-server)))
        (eglot-shutdown server)
        (push `(stopped . ,(if (process-live-p (jsonrpc--process server)) :json-false t)) baogao-result))
      (baogao-finish))
  (error (baogao-finish (format "%S" err))))
