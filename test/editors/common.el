;;; common.el --- What the Emacs drivers share (emacs.el: Eglot; lspmode.el: lsp-mode)  -*- lexical-binding: t -*-
;; The run's inputs from the environment (see test/editors/reference.ts, runEditor), the JSON result the
;; test reads, and waiting for the server's diagnostics in batch Emacs. Each driver counts a publication
;; in `baogao-published' its own way.
(require 'json)
(require 'subr-x)

(defvar baogao-out (getenv "BAOGAO_OUT"))
(defvar baogao-plan (json-parse-string (getenv "BAOGAO_PLAN") :object-type 'alist))
(defvar baogao-result nil)
(defvar baogao-published 0)

(defun baogao-finish (&optional error)
  (when error (push (cons 'error error) baogao-result))
  (with-temp-file baogao-out
    (set-buffer-file-coding-system 'utf-8)
    (insert (json-encode baogao-result)))
  (kill-emacs 0))

(defun baogao-settle (seen)
  "Wait for a publication after SEEN ones, then for 0.5 s without another; nil if none came."
  (let ((deadline (+ (float-time) 30)))
    (while (and (<= baogao-published seen) (< (float-time) deadline)) (accept-process-output nil 0.05)))
  (when (> baogao-published seen)
    (let ((last -1))
      (while (/= last baogao-published)
        (setq last baogao-published)
        (let ((until (+ (float-time) 0.5))) (while (< (float-time) until) (accept-process-output nil 0.05)))))
    t))

(defun baogao-where (pos)
  "POS as (line, column in characters), both from 0."
  (save-excursion (goto-char pos) (list (1- (line-number-at-pos pos t)) (- pos (line-beginning-position)))))

(defun baogao-text () (buffer-substring-no-properties (point-min) (point-max)))
